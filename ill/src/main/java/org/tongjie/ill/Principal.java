package org.tongjie.ill;

/** Who is calling: a reader (own requests only), a member library's staff, or the network's administrator. */
public sealed interface Principal {
    /** The actor name written into events. */
    String actor();

    record ReaderPrincipal(Reader reader) implements Principal {
        @Override
        public String actor() {
            String card = reader.cardNumber();
            return "reader:" + reader.homeLibraryId() + ":****" + card.substring(Math.max(0, card.length() - 4));
        }
    }

    record Staff(String libraryId, String label) implements Principal {
        @Override
        public String actor() {
            return "staff:" + libraryId + (label.isBlank() ? "" : ":" + label);
        }
    }

    record Admin(String label) implements Principal {
        @Override
        public String actor() {
            return "admin" + (label.isBlank() ? "" : ":" + label);
        }
    }
}
