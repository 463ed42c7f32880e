package dev.turnstile.agent.bridge;

import java.util.List;
import java.util.Locale;

/**
 * Turns a spawned command line into text that can go into a recording: secret values are replaced by
 * {@value #MASK}, everything else stays as the program wrote it.
 *
 * <p>The rules look at words, because a secret can be a whole argument ({@code --password}, {@code hunter2}) or
 * sit inside one ({@code sh -c "curl -H 'Authorization: Bearer x'"}). A word that announces a secret (a flag
 * such as {@code --token}, {@code Bearer}, a header such as {@code Authorization:}) masks the next word, or the
 * whole next argument. Masked: the value of {@code key=value} and {@code key:value} when the key names a
 * secret (which covers {@code --password=x} and {@code -Ddb.password=x}), the password of
 * {@code scheme://user:password@host}, and the password after {@code --user name:} or {@code -u name:}. Short flags
 * such as {@code -p x} mean different things to different programs and are left alone ({@code -u} only loses what
 * follows a colon, so {@code mysql -u root} stays as it is). Matching ignores case; a flag may also name its secret
 * in camel case ({@code --clientSecret}, {@code --dbPassword}).
 *
 * <p>Runs in the spawning thread inside {@code ProcessBuilder.start}: it only scans strings, linearly, and
 * never throws for any input.
 */
final class CommandLineRedactor {
    static final String MASK = "***";

    /** Longer command lines are cut (after redaction, so a cut never reveals part of a secret). */
    static final int MAX_LENGTH = 8192;

    /** Key fragments that make the value of {@code key=value} or {@code key:value} a secret. */
    private static final String[] SECRET_KEY_PARTS = {
        "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "api_key", "api-key",
        "accesskey", "access_key", "access-key", "credential", "auth",
    };

    /**
     * Long flags whose next word is a secret: the name itself, or a name ending in it after a separator
     * ({@code --db-password}, {@code --github-token}).
     */
    private static final String[] SECRET_FLAGS = {
        "password", "passwd", "pass", "passphrase", "secret", "token", "api-key", "apikey", "api_key",
        "access-key", "access_key", "accesskey", "client-secret", "client_secret", "auth", "credential",
        "credentials", "secret-key", "secret_key", "secretkey",
        // openssl's -passin pass:x and -passout pass:x
        "passin", "passout",
    };

    /** Authorization schemes: after {@code Authorization:} the scheme stays and the word after it is masked. */
    private static final String[] AUTH_SCHEMES = {"bearer", "basic", "digest", "token", "negotiate", "bot"};

    private CommandLineRedactor() {
    }

    /**
     * The command as one line, arguments separated by spaces; an argument holding spaces or quotes is
     * single-quoted the way a shell would need it.
     */
    static String redact(List<String> command) {
        if (command == null) {
            return null;
        }
        Scan scan = new Scan();
        StringBuilder line = new StringBuilder();
        for (Object argument : command) {
            if (line.length() > 0) {
                line.append(' ');
            }
            String text = String.valueOf(argument);
            if (scan.wantsValue) {
                line.append(shellQuoted(scan.wholeValue(text)));
                continue;
            }
            if (scan.wantsUserPassword) {
                line.append(shellQuoted(scan.userPassword(text)));
                continue;
            }
            line.append(shellQuoted(scan.argument(text)));
            if (line.length() > MAX_LENGTH) {
                break;
            }
        }
        return cut(line.toString());
    }

    /** Free text, such as an exception message that quotes the command, read as a single argument. */
    static String redactText(String text) {
        if (text == null) {
            return null;
        }
        return cut(new Scan().argument(text));
    }

    private static String cut(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_LENGTH) + "... (" + (text.length() - MAX_LENGTH) + " more characters)";
    }

    private static String shellQuoted(String argument) {
        if (!argument.isEmpty() && !needsQuotes(argument)) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    private static boolean needsQuotes(String argument) {
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (Character.isWhitespace(c) || c == '\'' || c == '"') {
                return true;
            }
        }
        return false;
    }

    /** State carried from word to word, and from one argument to the next. */
    private static final class Scan {
        /** The previous word announced a secret: mask the next one. */
        boolean wantsValue;
        /** The previous word was an authorization header: an auth scheme may come before the secret. */
        boolean schemeAllowed;
        /** The previous word was {@code --user}: mask the password part of {@code name:password}. */
        boolean wantsUserPassword;
        /** The last masked value opened a quote it did not close: the text up to that quote is secret too. */
        char openQuote;

        /** An argument that a flag before it announced as a secret: masked whole, spaces and all. */
        String wholeValue(String argument) {
            wantsValue = false;
            if (schemeAllowed && isAuthScheme(argument.trim())) {
                // "Authorization:" "Bearer" "x": the scheme is not the secret, the next argument is.
                schemeAllowed = false;
                wantsValue = true;
                return argument;
            }
            schemeAllowed = false;
            return MASK;
        }

        /** The argument after {@code --user} or {@code -u}: the name stays, all after its colon is masked. */
        String userPassword(String argument) {
            wantsUserPassword = false;
            int colon = argument.indexOf(':');
            return colon < 0 ? argument(argument) : argument.substring(0, colon + 1) + MASK;
        }

        /** Redacts one argument word by word, keeping its spacing. */
        String argument(String text) {
            StringBuilder out = new StringBuilder(text.length());
            int i = 0;
            while (i < text.length()) {
                int start = i;
                boolean space = Character.isWhitespace(text.charAt(i));
                while (i < text.length() && Character.isWhitespace(text.charAt(i)) == space) {
                    i++;
                }
                if (space) {
                    out.append(text, start, i);
                    continue;
                }
                out.append(word(text.substring(start, i)));
                if (openQuote != 0) {
                    // The secret goes on to the closing quote (or the end of the argument): skip it, keep the quote.
                    int close = text.indexOf(openQuote, i);
                    if (close < 0) {
                        i = text.length();
                    } else {
                        out.append(openQuote);
                        i = close + 1;
                    }
                    openQuote = 0;
                }
            }
            return out.toString();
        }

        private String word(String word) {
            if (wantsValue) {
                wantsValue = false;
                if (schemeAllowed && isAuthScheme(unquoted(word))) {
                    schemeAllowed = false;
                    wantsValue = true;
                    return word;
                }
                schemeAllowed = false;
                return maskValue(word, 0);
            }
            if (wantsUserPassword) {
                wantsUserPassword = false;
                int colon = word.indexOf(':');
                if (colon >= 0) {
                    return maskValue(word, colon + 1);
                }
            }
            String lower = unquoted(word).toLowerCase(Locale.ROOT);
            if (lower.equals("bearer")) {
                wantsValue = true;
                return word;
            }
            if (lower.equals("-u")) {
                // curl -u name:password; mysql -u root has no colon and stays
                wantsUserPassword = true;
                return word;
            }
            if (isFlag(lower)) {
                int nameStart = lower.startsWith("--") ? 2 : 1;
                String name = lower.substring(nameStart);
                if (isSecretFlag(name) || endsInCamelCaseSecret(unquoted(word).substring(nameStart))) {
                    wantsValue = true;
                } else if (isUserFlag(lower)) {
                    wantsUserPassword = true;
                }
                return word;
            }
            if (lower.startsWith("--user=") || lower.startsWith("--proxy-user=")) {
                int colon = word.indexOf(':', word.indexOf('='));
                if (colon >= 0) {
                    return maskValue(word, colon + 1);
                }
            }
            return maskPairs(maskUrlPasswords(word));
        }

        /**
         * Masks the value that starts at {@code from} and runs to the end of the word. Brackets and a quote before
         * it stay, and so does the quote that closes it, so the line keeps its shape; a quote it opens but does
         * not close makes the words up to the closing quote part of the secret.
         */
        private String maskValue(String word, int from) {
            int start = from;
            while (start < word.length() && "([{".indexOf(word.charAt(start)) >= 0) {
                start++;
            }
            if (start < word.length() && (word.charAt(start) == '\'' || word.charAt(start) == '"')) {
                char quote = word.charAt(start);
                int close = word.indexOf(quote, start + 1);
                if (close < 0) {
                    openQuote = quote;
                    return word.substring(0, start + 1) + MASK;
                }
                return word.substring(0, start + 1) + MASK + word.substring(close);
            }
            // A quote after an unquoted value closes a string the value sits in ('... Bearer x'): keep it.
            int end = word.length();
            while (end > start + 1 && (word.charAt(end - 1) == '\'' || word.charAt(end - 1) == '"')) {
                end--;
            }
            return word.substring(0, start) + MASK + word.substring(end);
        }

        /**
         * Masks the value of every {@code key=value} and {@code key:value} in the word whose key names a secret
         * ({@code --password=x}, {@code -Ddb.password=x}, {@code TOKEN=x}, {@code X-Api-Key:x},
         * {@code "password":"x"}). A value ends at {@code &} (query strings, form data) or at the end of the word,
         * so {@code url?a=1&token=x&b=2} keeps {@code a} and {@code b}. A secret key that ends the word
         * ({@code Authorization:}, {@code "password":}) announces the next word.
         */
        private String maskPairs(String word) {
            StringBuilder out = null;
            int copied = 0;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if ((c != '=' && c != ':') || (c == ':' && word.startsWith("//", i + 1))) {
                    continue;
                }
                int keyEnd = i;
                if (keyEnd > 0 && (word.charAt(keyEnd - 1) == '"' || word.charAt(keyEnd - 1) == '\'')) {
                    keyEnd--;
                }
                int keyStart = keyEnd;
                while (keyStart > 0 && isKeyChar(word.charAt(keyStart - 1))) {
                    keyStart--;
                }
                if (keyStart == keyEnd || !isSecretKey(word.substring(keyStart, keyEnd).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (i + 1 == word.length()) {
                    if (c == ':') {
                        wantsValue = true;
                        schemeAllowed = true;
                    }
                    continue;
                }
                int valueEnd = valueEnd(word, i + 1);
                if (out == null) {
                    out = new StringBuilder(word.length());
                }
                out.append(word, copied, i + 1);
                String value = word.substring(i + 1, valueEnd);
                if (c == ':' && isAuthScheme(unquoted(value))) {
                    // Authorization:Bearer written as one word: the secret is the next word.
                    out.append(value);
                    wantsValue = true;
                } else {
                    out.append(maskValue(value, 0));
                }
                copied = valueEnd;
                i = valueEnd - 1;
                if (openQuote != 0) {
                    break;
                }
            }
            if (out == null) {
                return word;
            }
            if (openQuote != 0) {
                return out.toString();
            }
            return out.append(word, copied, word.length()).toString();
        }
    }

    /** Replaces the password in every {@code scheme://user:password@host} of the word. */
    static String maskUrlPasswords(String word) {
        int from = 0;
        String result = word;
        while (true) {
            int scheme = result.indexOf("://", from);
            if (scheme < 0) {
                return result;
            }
            int authorityStart = scheme + 3;
            int authorityEnd = authorityStart;
            while (authorityEnd < result.length() && "/?#".indexOf(result.charAt(authorityEnd)) < 0
                    && !Character.isWhitespace(result.charAt(authorityEnd))) {
                authorityEnd++;
            }
            int at = result.lastIndexOf('@', authorityEnd - 1);
            if (at >= authorityStart) {
                int colon = result.indexOf(':', authorityStart);
                if (colon >= 0 && colon < at) {
                    result = result.substring(0, colon + 1) + MASK + result.substring(at);
                    authorityEnd = colon + 1 + MASK.length() + 1;
                }
            }
            from = authorityEnd;
        }
    }

    private static boolean isFlag(String lower) {
        if (lower.length() < 3 || lower.charAt(0) != '-' || lower.indexOf('=') >= 0) {
            return false;
        }
        // -p, -u: one letter means something different to every program; left alone on purpose.
        int nameStart = lower.startsWith("--") ? 2 : 1;
        return lower.length() - nameStart > 1 && Character.isLetter(lower.charAt(nameStart));
    }

    private static boolean isSecretFlag(String name) {
        if (name.endsWith("pass")) {
            // keytool's -storepass and -keypass, --pass
            return true;
        }
        for (String flag : SECRET_FLAGS) {
            if (name.equals(flag)) {
                return true;
            }
            if (name.endsWith(flag)) {
                char before = name.charAt(name.length() - flag.length() - 1);
                if (before == '-' || before == '_' || before == '.') {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code clientSecret}, {@code dbPassword}, {@code githubApiKey}: a secret's name as the last camel-case word. */
    private static boolean endsInCamelCaseSecret(String name) {
        for (String flag : SECRET_FLAGS) {
            if (flag.indexOf('-') >= 0 || flag.indexOf('_') >= 0) {
                continue;
            }
            int start = name.length() - flag.length();
            if (start > 0 && name.regionMatches(true, start, flag, 0, flag.length())
                    && Character.isUpperCase(name.charAt(start)) && Character.isLowerCase(name.charAt(start - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSecretKey(String lowerKey) {
        for (String part : SECRET_KEY_PARTS) {
            if (lowerKey.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAuthScheme(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (String scheme : AUTH_SCHEMES) {
            if (lower.equals(scheme)) {
                return true;
            }
        }
        return false;
    }

    /** Where a value that starts at {@code from} ends: at its closing quote if quoted, else at {@code &}. */
    private static int valueEnd(String word, int from) {
        char first = word.charAt(from);
        if (first == '"' || first == '\'') {
            int close = word.indexOf(first, from + 1);
            return close < 0 ? word.length() : close + 1;
        }
        int amp = word.indexOf('&', from);
        return amp < 0 ? word.length() : amp;
    }

    /** {@code --user} and {@code --proxy-user} (curl) take {@code name:password}. */
    private static boolean isUserFlag(String lower) {
        return lower.equals("--user") || lower.equals("--proxy-user");
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** The word without the quotes or brackets around it, for matching only. */
    private static String unquoted(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && "'\"([{".indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "'\")]};,".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(start, end);
    }
}
