package dev.turnstile.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineRedactorTest {

    private static String redacted(String... command) {
        return CommandLineRedactor.redact(Arrays.asList(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "passwd", "secret", "token", "api-key", "apikey", "access-key",
        "client-secret", "auth"})
    void secretFlagsWithEqualsKeepTheFlagAndMaskTheValue(String flag) {
        assertEquals("tool --" + flag + "=*** --verbose", redacted("tool", "--" + flag + "=hunter2", "--verbose"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "passwd", "secret", "token", "api-key", "apikey", "access-key",
        "client-secret", "auth"})
    void secretFlagsMaskTheNextArgument(String flag) {
        assertEquals("tool --" + flag + " *** --verbose", redacted("tool", "--" + flag, "hunter2", "--verbose"));
    }

    @Test
    void matchingIgnoresCase() {
        assertEquals("tool --PASSWORD=*** --Token *** API_KEY=*** PASSWORD=*** -DDB.PASSWORD=*** --CLIENT-SECRET ***",
                redacted("tool", "--PASSWORD=a1", "--Token", "b2", "API_KEY=c3", "PASSWORD=d4", "-DDB.PASSWORD=e5",
                        "--CLIENT-SECRET", "f6"));
        assertEquals("curl -H 'AUTHORIZATION: BEARER ***' -H 'authorization: Basic ***'",
                redacted("curl", "-H", "AUTHORIZATION: BEARER g7", "-H", "authorization: Basic h8"));
    }

    @Test
    void flagsNamingTheirSecretInCamelCaseCount() {
        assertEquals("app --clientSecret *** --dbPassword *** --accessToken *** --githubApiKey *** --apiKey ***"
                        + " --maxTokens 5 --keyStore ks.p12",
                redacted("app", "--clientSecret", "a", "--dbPassword", "b", "--accessToken", "c", "--githubApiKey", "d",
                        "--apiKey", "e", "--maxTokens", "5", "--keyStore", "ks.p12"));
    }

    @Test
    void secretKeysAndOpensslPassphrasesAreMasked() {
        assertEquals("mc --secret-key *** s3cmd --secret_key *** openssl -passin *** -passout *** -in key.pem",
                redacted("mc", "--secret-key", "a", "s3cmd", "--secret_key", "b", "openssl", "-passin", "pass:c",
                        "-passout", "env:D", "-in", "key.pem"));
    }

    /** The common forms, each as a program would pass it to a child, with the value that must not survive. */
    @ParameterizedTest
    @ValueSource(strings = {
        "--password=x1|--password=***",
        "--password x1|--password ***",
        "-Dsome.secret=x1|-Dsome.secret=***",
        "-Ddb.password=x1|-Ddb.password=***",
        "PASSWORD=x1|PASSWORD=***",
        "API_KEY=x1|API_KEY=***",
        "--token x1|--token ***",
        "--api-key=x1|--api-key=***",
        "--client-secret x1|--client-secret ***",
        "--client-secret=x1|--client-secret=***",
        "aws_secret_access_key=x1|aws_secret_access_key=***",
        "AWS_SECRET_ACCESS_KEY=x1|AWS_SECRET_ACCESS_KEY=***",
        "--aws-secret-access-key x1|--aws-secret-access-key ***",
        "-H|Authorization: Bearer x1|-H 'Authorization: Bearer ***'",
        "-H|Authorization: Basic x1|-H 'Authorization: Basic ***'",
        "https://alice:x1@example.com/|https://alice:***@example.com/",
        "redis://:x1@cache:6379|redis://:***@cache:6379",
        "mongodb+srv://app:x1@cluster.example.net/db|mongodb+srv://app:***@cluster.example.net/db",
    })
    void commonFormsAreMasked(String testCase) {
        String[] parts = testCase.split("\\|");
        String expected = parts[parts.length - 1];
        List<String> arguments = new ArrayList<>(List.of("tool"));
        for (int i = 0; i < parts.length - 1; i++) {
            arguments.addAll(parts.length > 2 ? List.of(parts[i]) : Arrays.asList(parts[i].split(" ")));
        }
        String line = CommandLineRedactor.redact(arguments);
        assertEquals("tool " + expected, line);
        assertFalse(line.contains("x1"), line);
        // the same words inside a shell script, as one argument
        StringBuilder script = new StringBuilder("curl");
        for (String argument : arguments.subList(1, arguments.size())) {
            script.append(' ').append(argument.contains(" ") ? "'" + argument + "'" : argument);
        }
        String inScript = CommandLineRedactor.redact(List.of("/bin/sh", "-c", script.toString()));
        assertFalse(inScript.contains("x1"), inScript);
    }

    @Test
    void aValueWithSpacesAfterAFlagIsMaskedWhole() {
        assertEquals("tool --password *** next", redacted("tool", "--password", "correct horse battery", "next"));
    }

    @Test
    void flagsNamedAfterASecretCountToo() {
        assertEquals("tool --db-password *** --github_token *** -storepass *** -keypass ***",
                redacted("tool", "--db-password", "a", "--github_token", "b", "-storepass", "c", "-keypass", "d"));
    }

    @Test
    void shortFlagsAreAmbiguousAndStay() {
        assertEquals("mysql -p x -u root -t y", redacted("mysql", "-p", "x", "-u", "root", "-t", "y"));
    }

    @Test
    void systemPropertiesNamingASecretAreMasked() {
        assertEquals("java -Ddb.password=*** -Dapp.apiKey=*** -Dapp.name=shop -jar app.jar",
                redacted("java", "-Ddb.password=s1", "-Dapp.apiKey=s2", "-Dapp.name=shop", "-jar", "app.jar"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "DB_PASSWD", "pwd", "client_secret", "GITHUB_TOKEN", "apikey", "api_key",
        "aws_credential", "x-auth", "Authorization"})
    void keyValuePairsWhoseKeyNamesASecretAreMasked(String key) {
        assertEquals("env " + key + "=*** user=alice", redacted("env", key + "=s3cr3t", "user=alice"));
    }

    @Test
    void pairsThatNameNoSecretStay() {
        assertEquals("tool --name=x level=3 --url=https://example.com/a?b=c",
                redacted("tool", "--name=x", "level=3", "--url=https://example.com/a?b=c"));
    }

    @Test
    void queryStringsKeepTheirOtherParameters() {
        assertEquals("curl https://h/p?user=al&token=***&page=2", redacted("curl", "https://h/p?user=al&token=t0k&page=2"));
    }

    @Test
    void urlPasswordsAreMasked() {
        assertEquals("git clone https://alice:***@example.com/repo.git jdbc:postgresql://bob:***@db:5432/x"
                        + " https://example.com:8080/ok",
                redacted("git", "clone", "https://alice:pw1@example.com/repo.git",
                        "jdbc:postgresql://bob:p@ss@db:5432/x", "https://example.com:8080/ok"));
    }

    @Test
    void bearerTokensAreMasked() {
        assertEquals("curl -H 'Authorization: Bearer ***' https://api", redacted("curl", "-H",
                "Authorization: Bearer abc.def", "https://api"));
        assertEquals("tool Bearer *** next", redacted("tool", "Bearer", "abc.def", "next"));
        assertEquals("curl -H 'authorization: basic ***'", redacted("curl", "-H", "authorization: basic dXNlcjpw"));
        assertEquals("curl -H Authorization:Bearer ***", redacted("curl", "-H", "Authorization:Bearer", "abc"));
        assertEquals("curl -H Authorization: Bearer ***", redacted("curl", "-H", "Authorization:", "Bearer", "abc"));
    }

    @Test
    void secretHeadersAreMasked() {
        assertEquals("curl -H 'X-Api-Key: ***' -H X-Auth-Token:*** -H 'Accept: json'",
                redacted("curl", "-H", "X-Api-Key: k1", "-H", "X-Auth-Token:k2", "-H", "Accept: json"));
    }

    @Test
    void curlUserPasswordsAreMasked() {
        assertEquals("curl --user alice:*** --proxy-user=bob:*** --user carol",
                redacted("curl", "--user", "alice:pw", "--proxy-user=bob:pw2", "--user", "carol"));
        assertEquals("curl -u alice:*** -u bob:*** mysql -u root",
                redacted("curl", "-u", "alice:two words", "-u", "bob:pw3", "mysql", "-u", "root"));
        assertEquals("sh -c 'curl -u alice:*** https://h'", redacted("sh", "-c", "curl -u alice:pw4 https://h"));
    }

    @Test
    void secretsInsideAShellScriptAreMasked() {
        String script = "API_TOKEN=t1 sleep 0.05; curl -H 'Authorization: Bearer t2' --password 'two words'"
                + " --secret=\"s p\" -d '{\"password\": \"t3\", \"pwd\":\"t4\"}' https://u:t5@h/; exit 3";
        String line = redacted("/bin/sh", "-c", script);
        for (String secret : List.of("t1", "t2", "two", "words", "s p", "t3", "t4", "t5")) {
            assertFalse(line.contains(secret), () -> secret + " leaked: " + line);
        }
        assertTrue(line.contains("sleep 0.05;"), line);
        assertTrue(line.contains("exit 3"), line);
        assertTrue(line.contains("https://u:***@h/"), line);
    }

    @Test
    void aQuotedSecretSpanningWordsIsMaskedUpToItsClosingQuote() {
        assertEquals("'--password '\\''***'\\''; echo done'", redacted("--password 'my secret'; echo done"));
        assertEquals("--token=\"***\"", CommandLineRedactor.redactText("--token=\"a b c\""));
        assertEquals("--token=\"***", CommandLineRedactor.redactText("--token=\"a b c -v"));
    }

    @Test
    void theJoinedLineQuotesArgumentsWithSpaces() {
        assertEquals("/bin/sh -c 'sleep 0.05; exit 3' ''", redacted("/bin/sh", "-c", "sleep 0.05; exit 3", ""));
    }

    @Test
    void freeTextIsRedactedLikeOneArgument() {
        assertEquals("Cannot run program \"/no/such\": error=2, --password=*** seen",
                CommandLineRedactor.redactText("Cannot run program \"/no/such\": error=2, --password=x seen"));
        assertNull(CommandLineRedactor.redactText(null));
    }

    @Test
    void nullsAndOddInputNeverThrow() {
        assertNull(CommandLineRedactor.redact(null));
        List<String> withNull = new ArrayList<>(List.of("tool", "--password"));
        withNull.add(null);
        assertEquals("tool --password ***", CommandLineRedactor.redact(withNull));
        for (String odd : List.of("", "=", ":", "'", "\"", "--", "--password=", "a=&b=", "://@", "https://:@",
                "Bearer", "token:", "'\"", "{\"password\":", "x=\"")) {
            CommandLineRedactor.redact(List.of(odd, odd, odd));
            CommandLineRedactor.redactText(odd);
        }
    }

    @Test
    void longLinesAreCutAfterRedaction() {
        String longArgument = "x".repeat(CommandLineRedactor.MAX_LENGTH * 2);
        String line = CommandLineRedactor.redact(List.of("tool", longArgument, "--password=late"));
        assertTrue(line.length() < CommandLineRedactor.MAX_LENGTH + 100, "length " + line.length());
        assertTrue(line.endsWith("more characters)"), line.substring(line.length() - 40));
        assertFalse(line.contains("late"));
    }
}
