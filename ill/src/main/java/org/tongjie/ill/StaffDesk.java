package org.tongjie.ill;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Member staff's view: queues, pick lists and bulk actions. Every action still goes through the store. */
public final class StaffDesk {
    private final IllService ill;

    public StaffDesk(IllService ill) {
        this.ill = Objects.requireNonNull(ill, "ill");
    }

    public List<IllRequest> queue(String libraryId, StaffQueue queue) {
        Checks.nonBlank(libraryId, "library id");
        return ill.store().queue(queue.party, libraryId, queue.states);
    }

    /** The copies library {@code libraryId} has agreed to supply, in the order a walk through the shelves meets them. */
    public List<PickListLine> pickList(String libraryId) {
        var lines = new ArrayList<>(ill.store().pickList(libraryId));
        lines.sort(PickListLine.SHELF_ORDER);
        return lines;
    }

    /** One item of a bulk action: a request and the version staff saw. */
    public record Target(long requestId, long version) {}

    /** What happened to one item; the others go on regardless. */
    public record Outcome(long requestId, Result result, String message, IllRequest request) {}

    public enum Result { DONE, CONFLICT, NOT_ALLOWED, NOT_FOUND, REFUSED }

    /**
     * Applies the same command to many requests, each in its own transaction with its own version check:
     * a conflict or refusal on one does not stop the others, and repeating the whole batch is harmless
     * (items already done are answered DONE again, see {@link IllStore#apply}).
     */
    public List<Outcome> bulk(List<Target> targets, Command command, String actor, String note) {
        return bulk(targets, t -> ill.act(t.requestId(), t.version(), command, actor, note));
    }

    /**
     * The same, with each item's step given: the HTTP layer checks the caller's permissions and the
     * lender's policy in its step. A step refused for a rule or a permission is REFUSED.
     */
    public List<Outcome> bulk(List<Target> targets, Function<Target, IllRequest> step) {
        var out = new ArrayList<Outcome>();
        for (Target t : targets) {
            try {
                out.add(new Outcome(t.requestId(), Result.DONE, "", step.apply(t)));
            } catch (ConcurrentChangeException e) {
                out.add(new Outcome(t.requestId(), Result.CONFLICT, e.getMessage(), null));
            } catch (IllegalTransitionException e) {
                out.add(new Outcome(t.requestId(), Result.NOT_ALLOWED, e.getMessage(), null));
            } catch (UnknownRequestException e) {
                out.add(new Outcome(t.requestId(), Result.NOT_FOUND, e.getMessage(), null));
            } catch (LoanRuleException | NotPermittedException | IllegalArgumentException e) {
                out.add(new Outcome(t.requestId(), Result.REFUSED, e.getMessage(), null));
            }
        }
        return out;
    }
}
