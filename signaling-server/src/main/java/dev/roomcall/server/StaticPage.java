package dev.roomcall.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the browser page from a classpath directory (inside a jar or not) with Jetty's
 * {@link ResourceHandler}: content types, ETags and HEAD for free, no directory listings.
 */
final class StaticPage {

    private static final Logger LOG = LoggerFactory.getLogger(StaticPage.class);

    static final String WELCOME_FILE = "index.html";

    private static final Map<String, String> UTF8_TEXT = Map.of(
            "html", "text/html",
            "js", "text/javascript",
            "mjs", "text/javascript",
            "css", "text/css",
            "json", "application/json",
            "txt", "text/plain",
            "svg", "image/svg+xml");

    private StaticPage() {}

    /**
     * @param classLoader where to look for {@code webRoot}; the page normally comes from the assets jar
     * @return the handler serving {@code webRoot}, or null if the class loader has no
     *         {@code webRoot/index.html} (then every GET is a 404, and WebSockets still work)
     */
    static Handler handler(Server server, String webRoot, ClassLoader classLoader) {
        URI base = locate(webRoot, classLoader);
        if (base == null) {
            LOG.warn("event=no-page webRoot={} detail=\"no {}/{} on the classpath; GET requests will answer 404\"",
                    webRoot, webRoot, WELCOME_FILE);
            return null;
        }
        // Tied to the server's lifecycle, so a jar mounted to read the page is unmounted on stop.
        ResourceFactory resources = ResourceFactory.of(server);
        Resource resource = resources.newResource(base);
        if (resource.isAlias()) {
            // A class loader's jar: URL ("jar:file:/x.jar!/dir/") differs from the mounted file system's own
            // form; Jetty refuses to serve a directory through an alias, which would turn GET / into a 404.
            resource = resources.newResource(resource.getRealURI());
        }
        ResourceHandler handler = new ResourceHandler();
        handler.setBaseResource(resource);
        handler.setDirAllowed(false);
        handler.setWelcomeFiles(List.of(WELCOME_FILE));
        handler.setWelcomeMode(ResourceService.WelcomeMode.SERVE);
        // The page is tiny and changes with each release; revalidating (cheap, via ETag) beats a stale page.
        handler.setCacheControl("no-cache");
        handler.setEtags(true);
        LOG.debug("event=page base={}", resource);
        return handler;
    }

    /**
     * Declares the page's text files UTF-8 (the build's source encoding). Saying so in the header
     * spares the browser a guess, which for a script without a BOM could fall back to Latin-1.
     * ResourceHandler takes its types from the enclosing context, so these go there.
     */
    static void declareUtf8Text(MimeTypes.Mutable types) {
        UTF8_TEXT.forEach((extension, type) -> types.addMimeMapping(extension, type + ";charset=utf-8"));
    }

    /**
     * Finds the directory through its welcome file rather than the directory itself: jars built
     * without directory entries (some shading setups) have no resource for the bare directory.
     */
    private static URI locate(String webRoot, ClassLoader classLoader) {
        String root = webRoot.replaceAll("^/+|/+$", "");
        URL index = classLoader.getResource(root + "/" + WELCOME_FILE);
        if (index == null) {
            return null;
        }
        String url = index.toString();
        try {
            return new URI(url.substring(0, url.length() - WELCOME_FILE.length()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("classpath resource with an unusable URL: " + url, e);
        }
    }
}
