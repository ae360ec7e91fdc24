package org.tongjie.ill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Orders the copies of a record into a rota, by the rules in this order:
 * <ol>
 *   <li>the copy is lendable on ILL and available now; the library is in the directory, open and under
 *       its quota of open lending requests (otherwise the copy is skipped, with the reason);</li>
 *   <li>the reader's own library first, when it can fill;</li>
 *   <li>then the shortest delivery to the pickup point (to the reader's home library for home delivery),
 *       compared in bands of {@value #DISTANCE_BAND_KM} km so that near-equal distances fall through to</li>
 *   <li>load balance: fewer open lending requests first (the lender's queue depth);</li>
 *   <li>then exact distance and library id, so the same inputs always give the same rota.</li>
 * </ol>
 * One line per library (its first eligible copy); the lenders come first, then the library's other eligible
 * copies as spares (promised when the first is taken meanwhile), then the skipped copies.
 */
public final class Router {
    static final int DISTANCE_BAND_KM = 5;

    private Router() {}

    private record Choice(CandidateHolding holding, boolean own, Optional<Double> km, int load) {
        long band() {
            return km.map(k -> (long) Math.floor(k / DISTANCE_BAND_KM)).orElse(Long.MAX_VALUE);
        }
    }

    private static final Comparator<Choice> ORDER = Comparator.<Choice, Boolean>comparing(c -> !c.own())
            .thenComparingLong(Choice::band)
            .thenComparingInt(Choice::load)
            .thenComparingDouble(c -> c.km().orElse(Double.MAX_VALUE))
            .thenComparing(c -> c.holding().libraryId());

    /**
     * @param openLoad open lending requests per lender library (missing means none)
     */
    public static List<RotaEntry> plan(Reader reader, Pickup pickup, List<CandidateHolding> holdings, Network network,
                                       Map<String, Integer> openLoad) {
        Optional<GeoPoint> destination = destination(reader, pickup, network);
        var choices = new ArrayList<Choice>();
        var skipped = new ArrayList<Object[]>(); // holding, reason
        var spares = new ArrayList<CandidateHolding>();
        var libraries = new HashSet<String>();
        for (CandidateHolding h : holdings) {
            Optional<NetworkLibrary> lib = network.library(h.libraryId());
            int load = openLoad.getOrDefault(h.libraryId(), 0);
            String refusal = null;
            if (!h.lendable()) {
                refusal = "not lendable on ILL" + h.loanType().map(t -> " (loan type " + t + ")").orElse("");
            } else if (h.availability() != Availability.AVAILABLE) {
                refusal = "not available now (" + h.availability() + ")";
            } else if (lib.isEmpty()) {
                refusal = "library " + h.libraryId() + " is not in the member directory";
            } else if (!lib.get().open()) {
                refusal = "library " + h.libraryId() + " is closed";
            } else if (load >= lib.get().quota()) {
                refusal = "library " + h.libraryId() + " is over its quota (" + load + " open lending requests, quota "
                        + lib.get().quota() + ")";
            } else if (!libraries.add(h.libraryId())) {
                spares.add(h);
                continue;
            }
            if (refusal != null) {
                skipped.add(new Object[] {h, refusal});
                continue;
            }
            Optional<Double> km = destination.flatMap(d -> lib.get().location().map(l -> l.kilometresTo(d)));
            choices.add(new Choice(h, h.libraryId().equals(reader.homeLibraryId()), km, load));
        }
        choices.sort(ORDER);

        var rota = new ArrayList<RotaEntry>();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            String why = describe(c, pickup) + decidedAgainst(c, i + 1 < choices.size() ? choices.get(i + 1) : null);
            rota.add(entry(rota.size() + 1, c.holding(), RotaEntry.Status.WAITING, why));
        }
        for (CandidateHolding h : spares) {
            rota.add(entry(rota.size() + 1, h, RotaEntry.Status.SPARE, "spare: another copy at " + h.libraryId()
                    + " is on the rota first; promised instead if that one is taken"));
        }
        for (Object[] s : skipped) {
            rota.add(entry(rota.size() + 1, (CandidateHolding) s[0], RotaEntry.Status.SKIPPED, "skipped: " + s[1]));
        }
        return List.copyOf(rota);
    }

    private static Optional<GeoPoint> destination(Reader reader, Pickup pickup, Network network) {
        String libraryId = switch (pickup) {
            case Pickup.AtServicePoint p -> p.libraryId();
            case Pickup.HomeDelivery h -> reader.homeLibraryId(); // the address is not geocoded: the home library's courier delivers
        };
        return network.library(libraryId).flatMap(NetworkLibrary::location);
    }

    private static String describe(Choice c, Pickup pickup) {
        String where = switch (pickup) {
            case Pickup.AtServicePoint p -> "pickup point " + p.libraryId();
            case Pickup.HomeDelivery h -> "the reader's home library (home delivery)";
        };
        String distance = c.km().map(k -> String.format(Locale.ROOT, "%.1f km to %s", k, where))
                .orElse("distance to " + where + " unknown");
        return (c.own() ? "the reader's own library can fill; " : "") + "available and lendable; " + distance + "; "
                + c.load() + " open lending request" + (c.load() == 1 ? "" : "s");
    }

    /** Which rule put this lender ahead of the next one. */
    private static String decidedAgainst(Choice c, Choice next) {
        if (next == null) {
            return "";
        }
        String other = next.holding().libraryId();
        if (c.own() != next.own()) {
            return "; ahead of " + other + ": own library first";
        } else if (c.band() != next.band()) {
            return "; ahead of " + other + ": shorter delivery";
        } else if (c.load() != next.load()) {
            return "; ahead of " + other + ": same distance band, lighter load (" + c.load() + " vs " + next.load() + ")";
        }
        return "; ahead of " + other + ": same distance band and load, nearer or first by id";
    }

    private static RotaEntry entry(int position, CandidateHolding h, RotaEntry.Status status, String reason) {
        return new RotaEntry(position, h.libraryId(), h.servicePoint(), h.barcode(), h.location(), h.callNumber(),
                status, reason, Optional.empty());
    }
}
