package org.tongjie.ill;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One copy to fetch from the lender's shelves, with what staff need to find it and to act on it. */
public record PickListLine(long requestId, long version, RequestState state, String title, String servicePoint,
                           Optional<String> location, Optional<String> callNumber, Optional<String> barcode) {

    /** By service point, location, then call number with its numbers compared as numbers (I247.5 &lt; I247.57 &lt; I1001). */
    public static final Comparator<PickListLine> SHELF_ORDER = Comparator.comparing(PickListLine::servicePoint)
            .thenComparing(l -> l.location().orElse("\uffff"))
            .thenComparing((a, b) -> compareCallNumbers(a.callNumber().orElse("\uffff"), b.callNumber().orElse("\uffff")))
            .thenComparingLong(PickListLine::requestId);

    private static final Pattern PART = Pattern.compile("\\d+|\\D+");

    static int compareCallNumbers(String a, String b) {
        Matcher ma = PART.matcher(a);
        Matcher mb = PART.matcher(b);
        while (ma.find() && mb.find()) {
            String pa = ma.group();
            String pb = mb.group();
            boolean na = Character.isDigit(pa.charAt(0));
            boolean nb = Character.isDigit(pb.charAt(0));
            int c;
            if (na && nb) {
                c = new java.math.BigInteger(pa).compareTo(new java.math.BigInteger(pb));
            } else {
                c = pa.compareTo(pb);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
