"""Security headers for files WhiteNoise serves (it answers before Django's view
middleware, so X-Frame-Options and CSP would otherwise be missing there). A static file
opened on its own (an SVG, say) may run nothing and be framed by no one."""

STATIC_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'"


def add_security_headers(headers, path, url):
    headers["Content-Security-Policy"] = STATIC_CSP
    headers["X-Frame-Options"] = "DENY"
