"""Development and test tooling, never shipped: not in the package or the image.

``twilio_fake``: a local Twilio REST API for the tests, benchmarks and demos.
``local_services``: throwaway PostgreSQL, Redis and nginx for the scale tests,
benchmarks and ``make scale-demo``. ``ports``: ``free_port``, for every server
the tests, benchmarks and demos start. Production code (``iop_assistant``,
``actions``) never imports this package (tests/test_boundaries.py).
"""
