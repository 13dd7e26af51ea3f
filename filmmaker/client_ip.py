"""The address of the client, right behind a reverse proxy and not spoofable without one.

A proxy appends the address it received the request from to X-Forwarded-For. Reading the
header from the right, every address that is a trusted proxy is a hop of ours; the first
one that is not is the client. A request that does not come from a trusted proxy is
answered by its own address (REMOTE_ADDR): a header it sent proves nothing.
"""

import ipaddress

from django.conf import settings


def _networks():
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.TRUSTED_PROXIES]


def _parse(address):
    try:
        return ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return None


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks()
    remote_ip = _parse(remote)
    if not networks or remote_ip is None or not any(remote_ip in net for net in networks):
        return remote
    hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            # Garbage where an address should be: stop at the last address we can vouch for.
            break
        if not any(address in net for net in networks):
            return str(address)
        remote = str(address)
    return remote
