package dev.roomcall.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
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

    private StaticPage() {}

    /**
     * @return the handler serving {@code webRoot}, or null if the classpath has no
     *         {@code webRoot/index.html} (then every GET is a 404, and WebSockets still work)
     */
    static Handler handler(Server server, String webRoot) {
        URI base = locate(webRoot);
        if (base == null) {
            LOG.warn("event=no-page webRoot={} detail=\"no {}/{} on the classpath; GET requests will answer 404\"",
                    webRoot, webRoot, WELCOME_FILE);
            return null;
        }
        // Tied to the server's lifecycle, so a jar mounted to read the page is unmounted on stop.
        Resource resource = ResourceFactory.of(server).newResource(base);
        ResourceHandler handler = new ResourceHandler();
        handler.setBaseResource(resource);
        handler.setDirAllowed(false);
        handler.setWelcomeFiles(List.of(WELCOME_FILE));
        handler.setWelcomeMode(ResourceService.WelcomeMode.SERVE);
        // The page is tiny and changes with each release; revalidating (cheap, via ETag) beats a stale page.
        handler.setCacheControl("no-cache");
        handler.setEtags(true);
        LOG.debug("event=page base={}", base);
        return handler;
    }

    /**
     * Finds the directory through its welcome file rather than the directory itself: jars built
     * without directory entries (some shading setups) have no resource for the bare directory.
     */
    private static URI locate(String webRoot) {
        String root = webRoot.replaceAll("^/+|/+$", "");
        URL index = classLoader().getResource(root + "/" + WELCOME_FILE);
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

    private static ClassLoader classLoader() {
        ClassLoader own = StaticPage.class.getClassLoader();
        return own != null ? own : ClassLoader.getSystemClassLoader();
    }
}
