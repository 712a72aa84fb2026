#!/usr/bin/env python3
"""Readiness check and bucket creation for the local S3 (s3proxy), stdlib only.

    s3_buckets.py ENDPOINT ACCESS_KEY SECRET_KEY TIMEOUT_SECONDS BUCKET...

Every request is signed with AWS Signature V4 (what the AWS SDK in the services
uses), so success also proves the credentials the services are configured with.
Waits until the endpoint answers, then HEADs each bucket and PUTs the missing ones.
"""
import datetime
import hashlib
import hmac
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

REGION = "us-east-1"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def _hmac(key, text):
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def signed_request(method, endpoint, path, access_key, secret_key):
    """Builds a path-style request to ENDPOINT/PATH signed with SigV4 (empty body)."""
    url = urllib.parse.urlsplit(endpoint)
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    day = now.strftime("%Y%m%d")
    headers = {"host": url.netloc, "x-amz-content-sha256": EMPTY_SHA256, "x-amz-date": amz_date}
    signed_names = ";".join(sorted(headers))
    canonical = "\n".join([
        method, path, "",
        "".join(f"{k}:{headers[k]}\n" for k in sorted(headers)),
        signed_names, EMPTY_SHA256,
    ])
    scope = f"{day}/{REGION}/s3/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    key = _hmac(_hmac(_hmac(_hmac(("AWS4" + secret_key).encode(), day), REGION), "s3"), "aws4_request")
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    headers["authorization"] = (f"AWS4-HMAC-SHA256 Credential={access_key}/{scope}, "
                                f"SignedHeaders={signed_names}, Signature={signature}")
    del headers["host"]  # urllib sets it itself, to the same value
    return urllib.request.Request(endpoint + path, method=method, headers=headers)


def status_of(request):
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main(endpoint, access_key, secret_key, timeout, *buckets):
    def call(method, bucket):
        return status_of(signed_request(method, endpoint, "/" + bucket, access_key, secret_key))

    deadline = time.monotonic() + float(timeout)
    while True:  # the port may be open before the HTTP stack serves
        try:
            first = call("HEAD", buckets[0])
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            if time.monotonic() > deadline:
                sys.exit(f"S3 at {endpoint} did not answer in time: {error}")
            time.sleep(0.3)

    for bucket in buckets:
        status = first if bucket == buckets[0] else call("HEAD", bucket)
        origin = "exists "
        if status == 404:
            origin = "created"
            status = call("PUT", bucket)
        if status != 200:
            sys.exit(f"S3 bucket {bucket}: HTTP {status} (wrong credentials or s3proxy config?)")
        print(f"  bucket {origin} {bucket}")


if __name__ == "__main__":
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
