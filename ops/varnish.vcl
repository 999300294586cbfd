vcl 4.1;

# Varnish, the edge in front of HAProxy, for ops/cluster and docker-compose.yml alike. ops/varnish-start
# writes the backend's address in from the environment (KVK_BACKEND_HOST, KVK_BACKEND_PORT): VCL reads none.
#
# It stores only what the hosts mark cacheable with Cache-Control (public, max-age, s-maxage); it never stores
# or shares anything asked with a token; subscriptions, WebSocket upgrades and Server-Sent Events alike, are piped
# through: a tunnel between client and host that forwards each event as it comes and closes with the client.
#
# The hosts mark public GraphQL answers over GET, the explorer's pages, the CSV downloads and /events
# "public, max-age=5, stale-while-revalidate=30" with a strong ETag. Varnish keeps each for max-age, then serves
# it for up to stale-while-revalidate more while it asks a host again in the background with If-None-Match, which
# a host answers 304 without a body when nothing changed. A client's own If-None-Match is answered 304 here.

backend haproxy {
    .host = "${KVK_BACKEND_HOST}";
    .port = "${KVK_BACKEND_PORT}";
    .connect_timeout = 3s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 60s;
}

sub vcl_recv {
    if (req.http.Upgrade ~ "(?i)websocket") {
        return (pipe);
    }
    # Passed instead, an event stream would be fetched on after its client left (measured: the host kept the
    # subscription, its 12-second comments keeping the fetch alive).
    if (req.http.Accept ~ "text/event-stream") {
        return (pipe);
    }
    # The secretariat's requests (and a token's view of a round) are the client's own.
    if (req.http.Authorization) {
        return (pass);
    }
    # Otherwise Varnish's built-in rules: GET and HEAD are looked up, every other method is passed.
}

sub vcl_pipe {
    # A piped request keeps its own headers except these, which Varnish would otherwise rewrite to close.
    if (req.http.Upgrade) {
        set bereq.http.Upgrade = req.http.Upgrade;
        set bereq.http.Connection = req.http.Connection;
    }
}

sub vcl_backend_response {
    # Without an explicit permission the response is the backend's alone. Varnish would otherwise keep it
    # for its default TTL. Remembered as uncacheable for two minutes, so that identical requests meanwhile go
    # to the backend side by side instead of queueing behind one another.
    if (beresp.http.Cache-Control !~ "(?i)(public|max-age|s-maxage)"
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # TTL and grace come from max-age and stale-while-revalidate (Varnish's built-in rules). An expired copy with
    # an ETag is kept a while longer, so that the next fetch of it is a conditional one (304, no body, no work
    # for the host beyond its own response cache).
    if (beresp.http.ETag) {
        set beresp.keep = 10m;
    }
}

sub vcl_deliver {
    # Whether this answer came from Varnish's store, for whoever measures the edge (the gala benchmark, a test).
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
