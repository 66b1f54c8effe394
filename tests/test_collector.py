"""collector.paused(): no cycle collection inside, the collector as it was after."""

import gc

import pytest

from zhcorpus.build import collector


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was_even_after_an_error(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with collector.paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(KeyError), collector.paused():
            raise KeyError("a stage failed")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
