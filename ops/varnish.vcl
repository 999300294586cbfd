vcl 4.1;

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
# A stored copy is kept for an hour past max-age and stale-while-revalidate, and served in that time while it is asked
# again in the background: when the hosts cannot answer (HAProxy has no host up, or answers 5xx) the failed fetch is
# abandoned and never replaces the copy, which is served on (stale-if-error). While the hosts answer, a copy that old
# is served once while the next is fetched; a copy never outlives a change, as the hosts purge on each. When something is recorded each host sends BAN
# (from an address in KVK_PURGERS) once it has the change, and every stored answer is dropped at once.

# Public reads, on HAProxy's frontend of their own.
backend reads {
    .host = "${KVK_BACKEND_HOST}";
    .port = "${KVK_BACKEND_PORT}";
    .connect_timeout = 3s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 60s;
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
    # The client's address, once: what the client said of itself is not kept (HAProxy keeps this header only from
    # Varnish, and the hosts believe it only from HAProxy).
    set req.http.X-Forwarded-For = client.ip;
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
    # A read that asks to reflect at least a data version (read-your-writes, after its own mutation) is the hosts' to
    # answer: the stored copy may be older than that version, and the answer is not stored for others.
    if (req.http.Kvk-After-Version) {
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
    # A host's (or HAProxy's) error never replaces a stored copy: the background fetch is abandoned and the copy stays.
    # (Were it delivered, even as uncacheable, it would take the copy's place.)
    if (beresp.status >= 500 && bereq.is_bgfetch) {
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
    # TTL and grace come from max-age and stale-while-revalidate (Varnish's built-in rules); the grace is an hour
    # longer, for outages. An expired copy with an ETag is kept a while longer, so that the next fetch of it is a
    # conditional one (304, no body, no work for the host beyond its own response cache).
    set beresp.grace = beresp.grace + 1h;
    if (beresp.http.ETag) {
        set beresp.keep = 10m;
    }
}

sub vcl_backend_error {
    # A background fetch that got no answer at all (HAProxy unreachable): the copy stays, as above.
    if (bereq.is_bgfetch) {
        return (abandon);
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
