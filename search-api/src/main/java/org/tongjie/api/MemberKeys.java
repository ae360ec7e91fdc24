package org.tongjie.api;

import java.util.Optional;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.CredentialCheck;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberDirectory;

/** Members' upload keys, as the member directory holds them (their SHA-256). */
record MemberKeys(MemberDirectory members) implements CredentialCheck {
    @Override
    public Optional<Caller> byKey(String key) {
        return members.members().stream().filter(m -> m.acceptsKey(key)).findFirst()
                .map(Member::id).map(Caller.MemberLibrary::new);
    }

    /** What an upload to {@code libraryId} needs, said so that a member without a key learns why. */
    String uploadKeyOf(String libraryId) {
        Optional<Member> member = members.member(libraryId);
        if (member.isEmpty()) {
            return "the API key of member '" + libraryId + "', which is not in the member directory the hub was "
                    + "started with, so it has no API key";
        }
        if (member.get().apiKeySha256().isEmpty()) {
            return "the API key of member '" + libraryId + "', which has no API key in the member directory; "
                    + "uploads are off for it";
        }
        return "the API key of member '" + libraryId + "' in 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'";
    }
}
