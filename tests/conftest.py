"""Suite-wide test settings."""

import os

from hypothesis import HealthCheck, settings

# A loaded 2-core CI machine must not turn a slow example into a failure
# (DeadlineExceeded); on CI the examples are also fixed, so a red run is reproducible.
settings.register_profile(
    "kam",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
    print_blob=True,
)
settings.load_profile("kam")
