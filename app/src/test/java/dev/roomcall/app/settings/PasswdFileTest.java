package dev.roomcall.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswdFileTest {

    private static final String PASSWD = String.join("\n",
            "# written by hand",
            "root:x:0:0:root:/root:/bin/bash",
            "ana:x:1000:1000:Ana Lima,Room 12,555-0100,555-0101,other:/home/ana:/bin/bash",
            "bo:x:1001:1001::/home/bo:/bin/sh",
            "cy:x:1002:1002:   :/home/cy:/bin/sh",
            "dee:x:1003:1003:& Dee-Smith:/home/dee:/bin/zsh",
            "broken line without colons",
            "eve:x:1004",
            "zoë:x:1005:1005:Zoë Ångström 张伟:/home/zoe:/bin/bash",
            "win:x:1006:1006:Windows Style\r",
            "ana2:x:1007:1007:Second Ana:/home/ana2:/bin/bash") + "\r\n";

    record Case(String login, Optional<String> fullName) {}

    private static final List<Case> CASES = List.of(
            new Case("ana", Optional.of("Ana Lima")),
            new Case("root", Optional.of("root")),
            new Case("bo", Optional.empty()),
            new Case("cy", Optional.empty()),
            new Case("dee", Optional.of("Dee Dee-Smith")),
            new Case("eve", Optional.empty()),
            new Case("zoë", Optional.of("Zoë Ångström 张伟")),
            new Case("ana2", Optional.of("Second Ana")),
            new Case("an", Optional.empty()),
            new Case("nobody", Optional.empty()),
            new Case("", Optional.empty()),
            new Case(null, Optional.empty()));

    @Test
    void theFullNameIsTheFirstPartOfTheLoginsGecosField() {
        PasswdFile passwd = new PasswdFile(PASSWD);
        for (Case c : CASES) {
            assertEquals(c.fullName(), passwd.fullName(c.login()), "login " + c.login());
        }
    }

    @Test
    void noFileIsNoName() {
        assertEquals(Optional.empty(), new PasswdFile(null).fullName("ana"));
        assertEquals(Optional.empty(), new PasswdFile("").fullName("ana"));
    }

    @Test
    void theAccountsNameIsTheFullNameElseTheLoginBoundedAsADisplayName() {
        PasswdFile passwd = new PasswdFile(PASSWD);
        assertEquals("Ana Lima", DisplayName.ofAccount(passwd, "ana"));
        assertEquals("bo", DisplayName.ofAccount(passwd, "bo"));
        assertEquals("x".repeat(64), DisplayName.ofAccount(new PasswdFile(""), "x".repeat(100)));
        assertEquals("", DisplayName.ofAccount(new PasswdFile(""), null));
    }

    @Test
    void aChosenNameWinsOverTheAccountsAndIsBoundedWhenChosen() {
        Settings chosen = Settings.defaults().withDisplayName("  Ana\u202E L.\n ");
        assertEquals("Ana L.", chosen.displayName());
        assertEquals("Ana L.", DisplayName.of(chosen));
        assertEquals(DisplayName.ofAccount(), DisplayName.of(Settings.defaults()));
        assertEquals(64, Settings.defaults().withDisplayName("y".repeat(65)).displayName().length());
    }
}
