package org.tongjie.catalog;

/** WGS84 position of a service point, used to order holdings nearest-first. */
public record Coordinates(double latitude, double longitude) {
    public Coordinates {
        if (latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("latitude must be within [-90, 90], was " + latitude);
        }
        if (longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("longitude must be within [-180, 180], was " + longitude);
        }
    }
}
