vcl 4.1;

import std;

# Varnish, the edge in front of HAProxy, for ops/cluster and docker-compose.yml alike. ops/varnish-start writes in
# from the environment HAProxy's address (KVK_BACKEND_HOST), its port for each role (KVK_BACKEND_PORT for public
# reads, KVK_LIVE_PORT, KVK_SECRETARIAT_PORT) and who may purge (KVK_PURGERS): VCL reads none.
#
# It stores only what the hosts mark cacheable with Cache-Control (public, max-age, s-maxage); it never stores
# or shares anything asked with a token; subscriptions, WebSocket upgrades and Server-Sent Events alike, are piped
# through: a tunnel between client and host that forwards each event as it comes and closes with the client.
#
# The hosts mark public GraphQL answers over GET, the explorer's pages, the CSV downloads and /events
# "public, max-age=5, stale-while-revalidate=30" with a strong ETag. Varnish keeps each for max-age, then serves
# it for up to stale-while-revalidate more while it asks a host again in the background with If-None-Match, which
# a host answers 304 without a body when nothing changed. A client's own If-None-Match is answered 304 here.
#
# When the hosts cannot answer (HAProxy has no host up, or answers 5xx) a stored copy is served for up to an hour
# past its max-age (stale-if-error): a failed fetch never replaces it. When something is recorded each host sends BAN
# (from an address in KVK_PURGERS) once it has the change, and every stored answer is dropped at once.

# Public reads: HAProxy says itself whether it has a host to send them to (monitor-uri, no host is asked).
backend reads {
    .host = "${KVK_BACKEND_HOST}";
    .port = "${KVK_BACKEND_PORT}";
    .connect_timeout = 3s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 60s;
    .probe = {
        .url = "/haproxy/ready";
        .interval = 1s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Subscriptions (piped), on HAProxy's frontend of their own: no number of watchers takes the connections of reads.
backend live {
    .host = "${KVK_BACKEND_HOST}";
    .port = "${KVK_LIVE_PORT}";
    .connect_timeout = 3s;
}

# Requests with a token (passed), on HAProxy's frontend of their own.
backend secretariat {
    .host = "${KVK_BACKEND_HOST}";
    .port = "${KVK_SECRETARIAT_PORT}";
    .connect_timeout = 3s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 60s;
}

# The hosts' addresses: they alone may drop what is stored (BAN).
acl purgers {
${KVK_PURGERS}
}

sub vcl_recv {
    if (req.restarts == 0) {
        # The client's address, once: what the client said of itself is not kept (HAProxy keeps this header only
        # from Varnish, and the hosts believe it only from HAProxy).
        set req.http.X-Forwarded-For = client.ip;
        unset req.http.X-Kvk-Refresh;
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # Everything stored is public and may show what was recorded: all of it goes (lurker-friendly: obj.* only).
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }
    if (req.http.Upgrade ~ "(?i)websocket") {
        set req.backend_hint = live;
        return (pipe);
    }
    # Passed instead, an event stream would be fetched on after its client left (measured: the host kept the
    # subscription, its 12-second comments keeping the fetch alive).
    if (req.http.Accept ~ "text/event-stream") {
        set req.backend_hint = live;
        return (pipe);
    }
    # The secretariat's requests (and a token's view of a round) are the client's own.
    if (req.http.Authorization) {
        set req.backend_hint = secretariat;
        return (pass);
    }
    set req.backend_hint = reads;
    # A copy past stale-while-revalidate was found while HAProxy had hosts: fetched afresh (see vcl_hit).
    if (req.http.X-Kvk-Refresh == "fresh") {
        set req.grace = 0s;
    }
    # Otherwise Varnish's built-in rules: GET and HEAD are looked up, every other method is passed.
}

sub vcl_hit {
    # Stored grace is stale-while-revalidate plus an hour for errors. With hosts to ask, a copy past
    # stale-while-revalidate is not served: it is fetched again in the foreground, and served only if that fails.
    if (obj.ttl < 0s && !req.http.X-Kvk-Refresh && std.healthy(req.backend_hint)
        && obj.ttl + std.duration(obj.http.X-Kvk-Revalidate, 0s) < 0s) {
        set req.http.X-Kvk-Refresh = "fresh";
        return (restart);
    }
}

sub vcl_pipe {
    # A piped request keeps its own headers except these, which Varnish would otherwise rewrite to close.
    if (req.http.Upgrade) {
        set bereq.http.Upgrade = req.http.Upgrade;
        set bereq.http.Connection = req.http.Connection;
    }
}

sub vcl_backend_response {
    # A host's (or HAProxy's) error never replaces a stored copy: a background fetch, or a foreground one made while
    # a copy was kept (X-Kvk-Refresh), is abandoned and the copy stays; the client is then served the copy.
    if (beresp.status >= 500 && (bereq.is_bgfetch || bereq.http.X-Kvk-Refresh == "fresh")) {
        return (abandon);
    }
    # Without an explicit permission the response is the backend's alone. Varnish would otherwise keep it
    # for its default TTL. Remembered as uncacheable for two minutes, so that identical requests meanwhile go
    # to the backend side by side instead of queueing behind one another.
    if (beresp.http.Cache-Control !~ "(?i)(public|max-age|s-maxage)"
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # TTL and grace come from max-age and stale-while-revalidate (Varnish's built-in rules); the grace is lengthened
    # for errors and stale-while-revalidate is remembered beside the copy for vcl_hit. An expired copy with an ETag is
    # kept a while longer, so that the next fetch of it is a conditional one (304, no body, no work for the host
    # beyond its own response cache).
    set beresp.http.X-Kvk-Revalidate = beresp.grace + "s";
    # How long past its max-age a stored answer is served while no host can give a fresh one: an hour more.
    set beresp.grace = beresp.grace + 1h;
    if (beresp.http.ETag) {
        set beresp.keep = 10m;
    }
}

sub vcl_backend_error {
    # A fetch that got no answer at all (HAProxy unreachable, or no host): as a 5xx above.
    if (bereq.is_bgfetch || bereq.http.X-Kvk-Refresh == "fresh") {
        return (abandon);
    }
}

sub vcl_synth {
    # The foreground fetch of a kept copy failed: served from the copy after all.
    if (resp.status >= 500 && req.http.X-Kvk-Refresh == "fresh") {
        set req.http.X-Kvk-Refresh = "stale";
        return (restart);
    }
}

sub vcl_deliver {
    unset resp.http.X-Kvk-Revalidate;
    # Whether this answer came from Varnish's store, for whoever measures the edge (the gala benchmark, a test).
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
