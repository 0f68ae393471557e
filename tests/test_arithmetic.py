"""course_utils.arithmetic agrees with PyTorch: the same size where PyTorch accepts, RuleError where it refuses."""

import pickle

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from torch import nn
from torch.nn import functional as F

from course_utils.arithmetic import (
    RuleError,
    conv_output_size,
    conv_transpose_output_size,
    output_size_range,
    overlap_counts_1d,
    overlap_map,
)
from course_utils.build.check import HANGUL
from course_utils.i18n import LANGS, catalogue, message


pytestmark = pytest.mark.usefixtures("one_thread")


def examples(n):
    """n generated configurations, the same ones on every run (CI stays reproducible)."""
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


# Mostly valid values, with the invalid edges (0, negatives) and large paddings mixed in.
sizes = st.integers(-1, 12)
kernels = st.integers(-1, 7)
strides = st.integers(-1, 5)
paddings = st.integers(-1, 8)
output_paddings = st.integers(-1, 5)
dilations = st.integers(-1, 4)


def _refused_by_construction(size, kernel_size):
    """No tensor has a negative size, so PyTorch cannot even be asked."""
    return size < 0 or kernel_size < 0


def torch_conv_transpose_size(size, kernel_size, stride, padding, output_padding, dilation):
    """The output side PyTorch computes for a 1-channel square input, or None where it refuses.

    An empty output counts as refused: where the formula gives 0, PyTorch's oneDNN path (e.g. a 1×1 input,
    kernel 4, padding 2) returns a 0×0 tensor while its other paths raise "Output size is too small".
    """
    if _refused_by_construction(size, kernel_size):
        return None
    x, w = torch.zeros(1, 1, size, size), torch.zeros(1, 1, kernel_size, kernel_size)
    try:
        y = F.conv_transpose2d(x, w, stride=stride, padding=padding, output_padding=output_padding, dilation=dilation)
    except RuntimeError:
        return None
    assert y.shape[-2] == y.shape[-1]
    return y.shape[-1] or None


def torch_conv_size(size, kernel_size, stride, padding, dilation):
    if _refused_by_construction(size, kernel_size):
        return None
    x, w = torch.zeros(1, 1, size, size), torch.zeros(1, 1, kernel_size, kernel_size)
    try:
        return F.conv2d(x, w, stride=stride, padding=padding, dilation=dilation).shape[-1]
    except RuntimeError:
        return None


def ours(function, *args):
    """Our size, or None where we raise RuleError (whose rule must read in both languages)."""
    try:
        return function(*args)
    except RuleError as err:
        assert all(err.explain(lang) for lang in LANGS)
        return None


@examples(3000)
@given(sizes, kernels, strides, paddings, output_paddings, dilations)
def test_conv_transpose_output_size_matches_pytorch(size, kernel_size, stride, padding, output_padding, dilation):
    args = (size, kernel_size, stride, padding, output_padding, dilation)
    with torch.no_grad():
        expected = torch_conv_transpose_size(*args)
    if dilation < 1:
        # PyTorch 2.13 (CPU) skips its "dilation should be greater than zero" check on the oneDNN path of a
        # 1×1 input with a large kernel and stride (e.g. kernel 4, stride 4); dilation 0 has no meaning, and
        # every other path refuses it, so the documented rule stands.
        assert ours(conv_transpose_output_size, *args) is None
    else:
        assert ours(conv_transpose_output_size, *args) == expected


@examples(2000)
@given(sizes, kernels, strides, paddings, dilations)
def test_conv_output_size_matches_pytorch(size, kernel_size, stride, padding, dilation):
    args = (size, kernel_size, stride, padding, dilation)
    with torch.no_grad():
        expected = torch_conv_size(*args)
    assert ours(conv_output_size, *args) == expected


def forward_accepts(layer, x, output_size):
    """Whether forward returns a non-empty output of that size (an empty one counts as refused, as above)."""
    try:
        y = layer(x, output_size=(output_size, output_size))
    except (ValueError, RuntimeError):
        return False
    return y.numel() > 0 and y.shape[-1] == output_size


@examples(600)
@given(st.integers(1, 8), st.integers(1, 6), st.integers(1, 5), st.integers(0, 8), st.integers(1, 4))
def test_output_size_range_is_exactly_what_forward_accepts(size, kernel_size, stride, padding, dilation):
    layer = nn.ConvTranspose2d(1, 1, kernel_size, stride, padding, dilation=dilation, bias=False)
    x = torch.zeros(1, 1, size, size)
    smallest = (size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + 1
    probes = range(smallest - 2, smallest + stride + dilation + 2)
    with torch.no_grad():
        accepted = {o for o in probes if forward_accepts(layer, x, o)}
    try:
        expected = set(output_size_range(size, kernel_size, stride, padding, dilation))
    except RuleError as err:
        assert err.key == "no_output_size"
        expected = set()
    assert accepted == expected


def test_output_size_range_is_bounded_by_stride_even_when_dilation_is_larger():
    # output_padding=2 passes the rule (2 < dilation 3), yet forward(output_size=...) only offers stride 1.
    assert conv_transpose_output_size(3, 3, stride=1, output_padding=2, dilation=3) == 11
    assert output_size_range(3, 3, stride=1, dilation=3) == range(9, 10)


def test_output_size_range_starts_at_one_when_the_smallest_size_is_not_positive():
    # (2-1)*2 - 2*2 + 1*(2-1) + 1 = 0, but output_padding=1 makes a valid 1.
    assert output_size_range(2, 2, stride=2, padding=2) == range(1, 2)
    assert conv_transpose_output_size(2, 2, stride=2, padding=2, output_padding=1) == 1


@examples(300)
@given(st.integers(1, 10), st.integers(1, 6), st.integers(1, 4), st.integers(0, 3))
def test_overlap_counts_are_a_transposed_convolution_of_ones(size, kernel_size, stride, padding):
    if ours(conv_transpose_output_size, size, kernel_size, stride, padding) is None:
        with pytest.raises(RuleError):
            overlap_counts_1d(size, kernel_size, stride, padding)
        return
    ones = dict(dtype=torch.float64)
    with torch.no_grad():
        line = F.conv_transpose1d(torch.ones(1, 1, size, **ones), torch.ones(1, 1, kernel_size, **ones),
                                  stride=stride, padding=padding)[0, 0]
        plane = F.conv_transpose2d(torch.ones(1, 1, size, size, **ones), torch.ones(1, 1, kernel_size, kernel_size, **ones),
                                   stride=stride, padding=padding)[0, 0]
    assert torch.equal(overlap_counts_1d(size, kernel_size, stride, padding), line.long())
    assert torch.equal(overlap_map(size, kernel_size, stride, padding), plane.long())


# One call per rule: every rule in data/messages/arithmetic.toml can be broken, and reads in both languages.
RULE_EXAMPLES = {
    "not_integer": lambda: conv_output_size(7.0, 3),
    "at_least_one": lambda: conv_transpose_output_size(7, 0),
    "not_negative": lambda: conv_transpose_output_size(7, 3, 2, padding=-1),
    "kernel_too_large": lambda: conv_output_size(2, 3, dilation=2),
    "output_padding_too_large": lambda: conv_transpose_output_size(7, 3, 2, 1, output_padding=2),
    "output_too_small": lambda: conv_transpose_output_size(1, 1, 1, padding=1),
    "no_output_size": lambda: output_size_range(1, 1, 1, padding=1),
    "not_per_axis": lambda: conv_output_size((7, 7, 7), (3, 3)),
    "one_axis": lambda: overlap_counts_1d((7, 5), 3, 2),
    "too_large": lambda: overlap_counts_1d(10**9, 3, 2),
}


def test_every_rule_has_an_example():
    keys = {key.removeprefix("arithmetic.") for key in catalogue()
            if key.startswith("arithmetic.") and not key.startswith("arithmetic.axis.")}
    assert keys == set(RULE_EXAMPLES)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", sorted(RULE_EXAMPLES))
def test_every_rule_is_explained_in_both_languages(key, lang):
    with pytest.raises(RuleError) as info:
        RULE_EXAMPLES[key]()
    err = info.value
    assert err.key == key and isinstance(err, ValueError)
    text = err.explain(lang)
    assert text == message(f"arithmetic.{key}", lang, **err.values)
    assert all(str(value) in text for value in err.values.values())
    assert bool(HANGUL.search(text)) == (lang == "ko")
    assert str(err) == err.explain("en")


def test_output_padding_rule_names_the_numbers():
    with pytest.raises(RuleError, match=r"output_padding \(2\) must be smaller than stride \(2\) or dilation \(1\)"):
        conv_transpose_output_size(7, 3, 2, 1, output_padding=2)


def test_integers_only_but_numpy_integers_are_fine():
    assert conv_transpose_output_size(np.int64(7), 3, np.int32(2), 1) == 13
    assert type(conv_output_size(np.int64(13), 3, 2, 1)) is int
    for bad in [2.0, True, "2", None]:
        with pytest.raises(RuleError) as info:
            conv_transpose_output_size(7, 3, bad)
        assert info.value.key == "not_integer"


def test_height_width_pairs_work_like_pytorch_and_name_the_broken_axis():
    layer = nn.ConvTranspose2d(1, 1, (3, 4), stride=(2, 1), padding=(1, 0), output_padding=(1, 0))
    with torch.no_grad():
        expected = tuple(layer(torch.zeros(1, 1, 5, 7)).shape[2:])
    assert conv_transpose_output_size((5, 7), (3, 4), (2, 1), (1, 0), (1, 0)) == expected
    assert conv_output_size((9, 8), 3, (2, 1)) == (4, 6)
    assert output_size_range((4, 4), 3, (2, 1), 1) == (range(7, 9), range(4, 5))
    assert overlap_map((3, 2), (4, 3), 2, (1, 0)).shape == (6, 5)
    with pytest.raises(RuleError) as info:
        conv_transpose_output_size((5, 7), 3, (2, 1), 0, (1, 1))
    assert info.value.axis == "width" and info.value.explain("ko").startswith("가로: ")
    assert str(info.value).startswith("width: output_padding (1) must be smaller")


def test_overlap_counts_of_ten_million_inputs_take_no_python_loop():
    counts = overlap_counts_1d(10**7, 3, 2)
    assert len(counts) == 2 * 10**7 + 1 and counts[:5].tolist() == [1, 1, 2, 1, 2] and int(counts.max()) == 2


def test_rule_errors_survive_pickling():
    err = pickle.loads(pickle.dumps(RuleError("output_too_small", out=-1)))
    assert err.key == "output_too_small" and err.explain("ko") == message("arithmetic.output_too_small", "ko", out=-1)
    err = pickle.loads(pickle.dumps(RuleError("output_too_small", "width", out=-1)))
    assert err.axis == "width" and str(err) == "width: " + message("arithmetic.output_too_small", "en", out=-1)
