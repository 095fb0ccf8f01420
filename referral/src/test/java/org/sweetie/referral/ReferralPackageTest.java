package org.sweetie.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The index is opened in spreadsheets: what a partner named himself must stay text there. */
class ReferralPackageTest {
    @Test
    void partnerControlledFieldsCannotBecomeFormulasOrBreakTheRow() {
        assertThat(ReferralPackage.csv("dave_uk@examplenet")).isEqualTo("dave_uk@examplenet");
        assertThat(ReferralPackage.csv("=HYPERLINK(\"x\")@jabber")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")@jabber\"");
        assertThat(ReferralPackage.csv("@evil")).isEqualTo("'@evil");
        assertThat(ReferralPackage.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReferralPackage.csv("a\nb")).isEqualTo("\"a\nb\"");
    }
}
