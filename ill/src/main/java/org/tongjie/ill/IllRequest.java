package org.tongjie.ill;

/**
 * A request as it stands now. Only {@code state} and {@code version} ever change; how it got there is
 * in its events. {@code version} is what a caller hands back to {@link IllStore#apply} to prove it saw
 * the latest state.
 */
public record IllRequest(long id, Citation citation, Reader reader, ServiceType serviceType, Pickup pickup,
                         RequestState state, long version, Progress progress) {
    public IllRequest {
        Checks.present(citation, "citation");
        Checks.present(reader, "reader");
        Checks.present(serviceType, "service type");
        Checks.present(pickup, "pickup");
        Checks.present(state, "state");
        Checks.present(progress, "progress");
    }

    Track track() {
        return Track.of(serviceType, pickup);
    }
}
