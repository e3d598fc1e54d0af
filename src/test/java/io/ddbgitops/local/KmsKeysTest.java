package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KmsKeysTest {
    @Test
    void keepsAKeyArnAsItIs() {
        String arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assertThat(KmsKeys.keyArn(arn, "us-east-1")).isEqualTo(arn);
    }

    @Test
    void putsAKeyIdIntoAnArnOfTheRegion() {
        assertThat(KmsKeys.keyArn("1234abcd-12ab-34cd-56ef-1234567890ab", "us-east-1"))
                .isEqualTo("arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    @Test
    void givesAnAliasTheSameKeyArnWhicheverWayItIsWritten() {
        String byName = KmsKeys.keyArn("alias/orders", "us-east-1");
        String byArn = KmsKeys.keyArn("arn:aws:kms:us-east-1:000000000000:alias/orders", "us-east-1");

        assertThat(byName).matches("arn:aws:kms:us-east-1:000000000000:key/[0-9a-f-]{36}").isEqualTo(byArn);
        assertThat(KmsKeys.keyArn("alias/payments", "us-east-1")).isNotEqualTo(byName);
    }
}
