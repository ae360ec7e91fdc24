package org.tongjie.api.auth;

import org.tongjie.ill.Principal;
import org.tongjie.ill.Reader;

/**
 * Who sent a request, as the one {@link Authenticator} resolved it from the request's credentials. Every
 * route says which of these it serves (see {@link Need}).
 */
public sealed interface Caller {
    /** How a refusal names the caller: "member library 'kunshan'", "a reader of 'a'"... */
    String describe();

    /** No credentials came. */
    record Anonymous() implements Caller {
        @Override
        public String describe() {
            return "an anonymous caller";
        }
    }

    /** A member library with its upload key (from the member directory). */
    record MemberLibrary(String libraryId) implements Caller {
        @Override
        public String describe() {
            return "member library '" + libraryId + "' (its upload key)";
        }
    }

    /** The network's cataloguing staff with the staff key, who split and merge union records. */
    record CatalogueStaff() implements Caller {
        @Override
        public String describe() {
            return "the network's cataloguing staff (the staff key)";
        }
    }

    /** Someone the interlibrary loan service knows: its own roles and permissions apply. */
    sealed interface IllCaller extends Caller {
        Principal principal();
    }

    /** The ILL desk of a member library, with an API key the network administrator issued. */
    record IllDesk(String libraryId, String label) implements IllCaller {
        @Override
        public Principal principal() {
            return new Principal.Staff(libraryId, label);
        }

        @Override
        public String describe() {
            return "the ILL desk of '" + libraryId + "'";
        }
    }

    /** A reader signed in with card number and PIN. */
    record IllReader(Reader reader) implements IllCaller {
        @Override
        public Principal principal() {
            return new Principal.ReaderPrincipal(reader);
        }

        @Override
        public String describe() {
            return "a reader of '" + reader.homeLibraryId() + "'";
        }
    }

    /** The network administrator, with the administrator key. */
    record NetworkAdmin(String label) implements IllCaller {
        @Override
        public Principal principal() {
            return new Principal.Admin(label);
        }

        @Override
        public String describe() {
            return "the network administrator";
        }
    }
}
