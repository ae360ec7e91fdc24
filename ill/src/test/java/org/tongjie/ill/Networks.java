package org.tongjie.ill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A real-looking network for tests: Kunshan's central library with town branches, a 24-hour kiosk at the
 * railway station, a smart locker at Huaqiao metro and a mobile van; Taicang and Changshu as neighbour
 * systems. Coordinates are the real places' (rounded).
 */
final class Networks {
    private Networks() {}

    static final GeoPoint KS_CENTRAL = new GeoPoint(31.3847, 120.9800);

    static List<NetworkLibrary> members() {
        return List.of(
                NetworkLibrary.of("ks", ServicePointKind.CENTRAL, null, KS_CENTRAL),
                NetworkLibrary.of("ks-zhoushi", ServicePointKind.BRANCH, "ks", new GeoPoint(31.4410, 120.9910)),
                NetworkLibrary.of("ks-lujia", ServicePointKind.BRANCH, "ks", new GeoPoint(31.3240, 121.0470)),
                NetworkLibrary.of("ks-huaqiao", ServicePointKind.SMART_LOCKER, "ks", new GeoPoint(31.3020, 121.1080)),
                NetworkLibrary.of("ks-station", ServicePointKind.KIOSK_24H, "ks", new GeoPoint(31.3900, 120.9580)),
                NetworkLibrary.of("ks-van-1", ServicePointKind.MOBILE_VAN, "ks", null),
                NetworkLibrary.of("tc", ServicePointKind.CENTRAL, null, new GeoPoint(31.4570, 121.1300)),
                NetworkLibrary.of("tc-shaxi", ServicePointKind.BRANCH, "tc", new GeoPoint(31.5550, 121.0690)),
                NetworkLibrary.of("cs", ServicePointKind.CENTRAL, null, new GeoPoint(31.6540, 120.7520)));
    }

    static Network kunshan() {
        return Network.of(members());
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
