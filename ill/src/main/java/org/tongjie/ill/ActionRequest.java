package org.tongjie.ill;

import java.util.Optional;

/**
 * A staff or reader action as it arrives from outside: the action, the version the caller saw, and the
 * details only the caller knows (courier and waybill, locker slot, return point). Due dates and hold
 * times are never taken from the caller: they come from the lender's policy and the clock.
 */
public record ActionRequest(Action action, long version, String note, Optional<String> courier,
                            Optional<String> waybill, Optional<String> slot,
                            Optional<Pickup.AtServicePoint> returnPoint) {
    public ActionRequest {
        Checks.present(action, "action");
        note = note == null ? "" : note;
        Checks.present(courier, "courier");
        Checks.present(waybill, "waybill");
        Checks.present(slot, "slot");
        Checks.present(returnPoint, "return point");
    }
}
