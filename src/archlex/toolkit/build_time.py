"""The time stamped into a file archlex writes, so that the same model gives the same bytes."""

from __future__ import annotations

import datetime as dt
import os

from archlex.errors import ArchlexError

FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def build_time() -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible-builds.org), else 2000-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return FIXED_TIME
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    except (ValueError, OverflowError, OSError) as error:
        raise ArchlexError(
            f"SOURCE_DATE_EPOCH is {epoch!r}, not a number of seconds since 1970",
            "set it to an integer such as `git log -1 --format=%ct`, or unset it",
        ) from error
