"""Every public helper answers bad input clearly: the error names the parameter, nothing is computed for a
different input than the one given, and no result is silently wrong (hypothesis feeds the bad values).

Kinds (issue 13): integers out of range or not integers at all, wrong-length pairs, every integer form
PyTorch accepts (checked against torch itself), sizes too large to allocate, NaN / infinite / empty /
complex / integer / sparse / meta tensors, scalar tensors and unreadable values (meta, masked) as answers,
huge answers and huge build errors, ragged, empty, None and out-of-range drawing data, zero-width ranges,
widget values and slider ranges no control can show, lesson sources that are not lessons. A public name of course_utils that no table below covers fails test_every_public_helper_is_covered.
"""

import importlib
import inspect
import math
import re
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from torch.nn import functional as F

from course_utils import arithmetic, diagrams, exercises, memory, metrics, overlap, photos, reference, sr_report, summary
from course_utils.build.execute import DETAIL_LINES, DETAIL_WIDTH, shortened
from course_utils.build.source import SourceError, read_source
from course_utils.i18n import LANGS, message
from course_utils.widgets import OverlapExplorer, ScatterAddStepper, SizeCalculator

BAD = settings(max_examples=20, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
REFUSED = (ValueError, TypeError)


pytestmark = pytest.mark.usefixtures("one_thread")


# ---------------------------------------------------------------- integer parameters
not_integers = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none(),
                         st.text(max_size=3), st.complex_numbers(max_magnitude=9), st.just(object()))
wrong_length = st.lists(st.integers(1, 4), max_size=5).filter(lambda v: len(v) not in (1, 2)).map(tuple)
# The size arithmetic takes per-axis tuples for 1-D, 2-D and 3-D (lengths 1 to 3); other lengths are wrong there.
PER_AXIS = {"conv_output_size", "conv_transpose_output_size", "output_size_range", "overlap_map"}
wrong_axes = st.lists(st.integers(1, 4), max_size=5).filter(lambda v: not 1 <= len(v) <= 3).map(tuple)


def below(low):
    return st.integers(max_value=low - 1, min_value=-(10**18))


X4, W4 = torch.ones(1, 2, 4, 4), torch.ones(2, 1, 3, 3)
IMAGE = torch.rand(8, 8)
GREY = [np.zeros((2, 2))] * 2

# name -> (call(**overrides), {parameter: smallest allowed value}); `None` marks a parameter with no pair form.
INTEGER_PARAMETERS = {
    "conv_output_size": (lambda **o: arithmetic.conv_output_size(**{"size": 7, "kernel_size": 3, **o}),
                         {"size": 1, "kernel_size": 1, "stride": 1, "padding": 0, "dilation": 1}),
    "conv_transpose_output_size": (
        lambda **o: arithmetic.conv_transpose_output_size(**{"size": 7, "kernel_size": 3, **o}),
        {"size": 1, "kernel_size": 1, "stride": 1, "padding": 0, "output_padding": 0, "dilation": 1}),
    "output_size_range": (lambda **o: arithmetic.output_size_range(**{"size": 7, "kernel_size": 3, **o}),
                          {"size": 1, "kernel_size": 1, "stride": 1, "padding": 0, "dilation": 1}),
    "overlap_counts_1d": (lambda **o: arithmetic.overlap_counts_1d(**{"input_size": 6, "kernel_size": 3, "stride": 2, **o}),
                          {"input_size": 1, "kernel_size": 1, "stride": 1, "padding": 0}),
    "overlap_map": (lambda **o: arithmetic.overlap_map(**{"input_size": 6, "kernel_size": 3, "stride": 2, **o}),
                    {"input_size": 1, "kernel_size": 1, "stride": 1, "padding": 0}),
    "interior_range": (lambda **o: overlap.interior_range(**{"input_size": 6, "kernel_size": 3, "stride": 2, **o}),
                       {"input_size": 1, "kernel_size": 1, "stride": 1, "padding": 0}),
    "interior_values": (lambda **o: overlap.interior_values(**{"input_size": 6, "kernel_size": 3, "stride": 2, **o}),
                        {"input_size": 1, "kernel_size": 1, "stride": 1, "padding": 0}),
    "verdict": (lambda **o: overlap.verdict(**{"input_size": 6, "kernel_size": 3, "stride": 2, **o}),
                {"input_size": 1, "kernel_size": 1, "stride": 1, "padding": 0}),
    "conv_transpose2d": (lambda **o: reference.conv_transpose2d(X4, W4, **o),
                         {"stride": 1, "padding": 0, "output_padding": 0, "dilation": 1, "groups": 1}),
    "conv_transpose2d_loops": (lambda **o: reference.conv_transpose2d_loops(X4, W4, **o),
                               {"stride": 1, "padding": 0, "output_padding": 0, "dilation": 1, "groups": 1}),
    "conv_transpose2d_zero_insertion": (lambda **o: reference.conv_transpose2d_zero_insertion(X4, W4, **o),
                                        {"stride": 1, "padding": 0, "output_padding": 0, "dilation": 1, "groups": 1}),
    "conv_transpose2d_phases": (lambda **o: reference.conv_transpose2d_phases(X4, W4, **o),
                                {"stride": 1, "padding": 0, "output_padding": 0, "dilation": 1, "groups": 1}),
    "conv_transpose_nd_loops": (lambda **o: reference.conv_transpose_nd_loops(X4, W4, **o),
                                {"stride": 1, "padding": 0, "output_padding": 0, "dilation": 1}),
    "conv_matrix": (lambda **o: reference.conv_matrix(torch.ones(3, 3), **{"input_size": 5, **o}),
                    {"input_size": 3, "stride": 1, "padding": 0, "dilation": 1}),
    "as_conv_weight": (lambda **o: reference.as_conv_weight(W4, **o), {"groups": 1}),
    "checkerboard_strength": (lambda **o: metrics.checkerboard_strength(torch.rand(12, 12), **o),
                              {"period": 1, "border": 0}),
    "phase_means": (lambda **o: metrics.phase_means(torch.rand(12, 12), **o), {"period": 1, "border": 0}),
    "interior": (lambda **o: metrics.interior(torch.rand(12, 12), **o), {"period": 1, "border": 0}),
    "patches": (lambda **o: photos.patches(IMAGE, **{"size": 2, **o}), {"size": 1, "stride": 1}),
    "tile": (lambda **o: diagrams.tile(torch.rand(3, 1, 2, 2), **{"nrow": 2, **o}), {"nrow": 1, "gap": 0}),
    "image_grid": (lambda **o: diagrams.image_grid(torch.rand(3, 1, 2, 2), **o), {"nrow": 1}),
    "response_gallery": (lambda **o: diagrams.response_gallery(GREY, ["a", "b"], "en", **o), {"columns": 1}),
    "crop_gallery": (lambda **o: diagrams.crop_gallery(GREY, ["a", "b"], "camera", "en", **o), {"columns": 1}),
    "scatter_add_steps": (lambda **o: diagrams.scatter_add_steps([[["a"]]], [(0, 0, 1, 1)], "en", **o),
                          {"columns": 1}),
    "conv_matrix_grid": (lambda **o: diagrams.conv_matrix_grid([["a", ""]], "en", **o), {"input_width": 1}),
    "size_strip": (lambda **o: diagrams.size_strip(**{"size": 3, "kernel_size": 3, "stride": 2, "padding": 1,
                                                      "output_padding": 0, "dilation": 1, "lang": "en", **o}),
                   {"size": 1, "kernel_size": 1, "stride": 1, "padding": 0, "output_padding": 0, "dilation": 1}),
}
CASES = [(name, parameter) for name, (_, lows) in INTEGER_PARAMETERS.items() for parameter in lows]
NONE_MEANS_DEFAULT = {("conv_matrix_grid", "input_width"), ("patches", "stride")}


def refuses_naming(call, parameter, **overrides):
    with pytest.raises(REFUSED) as info:
        call(**overrides)
    assert parameter in str(info.value), f"{parameter!r} not named in: {info.value}"


@pytest.mark.parametrize("name, parameter", CASES)
@BAD
@given(data=st.data())
def test_integer_parameters_refuse_non_integers_and_values_below_the_rule(name, parameter, data):
    call, lows = INTEGER_PARAMETERS[name]
    lengths = wrong_axes if name in PER_AXIS else wrong_length
    bad = data.draw(st.one_of(not_integers, below(lows[parameter]), lengths).filter(
        lambda v: v is not None or (name, parameter) not in NONE_MEANS_DEFAULT), label=parameter)
    refuses_naming(call, parameter, **{parameter: bad})


ALLOCATING = {"overlap_counts_1d": "input_size", "overlap_map": "input_size", "interior_values": "input_size",
              "conv_transpose2d": "stride", "conv_transpose2d_loops": "stride", "conv_matrix": "input_size",
              "size_strip": "size"}


@pytest.mark.parametrize("name, parameter", sorted(ALLOCATING.items()))
@BAD
@given(huge=st.integers(10**9, 10**30))
def test_sizes_too_large_to_allocate_are_refused_at_once(name, parameter, huge):
    call, _ = INTEGER_PARAMETERS[name]
    with pytest.raises(ValueError, match="more than|too many|at most"):
        call(**{parameter: huge})


@BAD
@given(st.tuples(st.integers(1, 9), st.integers(1, 9)), st.tuples(st.integers(1, 5), st.integers(1, 5)),
       st.tuples(st.integers(1, 4), st.integers(1, 4)), st.tuples(st.integers(0, 3), st.integers(0, 3)))
def test_height_width_pairs_give_what_pytorch_gives(size, kernel, stride, padding):
    layer = torch.nn.ConvTranspose2d(1, 1, kernel, stride, padding)
    try:
        with torch.no_grad():
            expected = tuple(layer(torch.zeros(1, 1, *size)).shape[2:])
    except RuntimeError:
        expected = None
    if expected is None or 0 in expected:
        with pytest.raises(arithmetic.RuleError) as info:
            arithmetic.conv_transpose_output_size(size, kernel, stride, padding)
        assert info.value.axis in ("height", "width")
    else:
        assert arithmetic.conv_transpose_output_size(size, kernel, stride, padding) == expected


@BAD
@given(st.integers(1, 3), st.sampled_from([np.int64, np.int32, np.int16]))
def test_numpy_integers_count_as_integers_everywhere(value, kind):
    x, w = torch.rand(1, 2, 3, 3, dtype=torch.float64), torch.rand(2, 1, 2, 2, dtype=torch.float64)
    assert torch.equal(reference.conv_transpose2d(x, w, stride=kind(value), padding=kind(value - 1)),
                       reference.conv_transpose2d(x, w, stride=value, padding=value - 1))
    assert arithmetic.conv_output_size(kind(7), kind(value)) == arithmetic.conv_output_size(7, value)


# ---------------------------------------------------------------- what PyTorch accepts as integers
def one_int(value):
    """Ways PyTorch takes one integer: int, numpy integers, 0-d and one-element integer tensors."""
    return st.sampled_from([value, np.int64(value), np.int32(value), torch.tensor(value), torch.tensor([value]),
                            torch.tensor(value, dtype=torch.int32)])


def per_axis_form(height, width):
    """(value in one of PyTorch's forms, the (height, width) it means)."""
    both = (height, height)
    return st.one_of(
        one_int(height).map(lambda v: (v, both)),
        st.tuples(one_int(height), one_int(width), st.sampled_from([tuple, list])).map(
            lambda t: (t[2]([t[0], t[1]]), (height, width))),
        st.tuples(one_int(height), st.sampled_from([tuple, list])).map(lambda t: (t[1]([t[0]]), both)),
        st.sampled_from([torch.tensor([height, width]), np.array([height, width]), np.array([height])]).map(
            lambda v: (v, (height, width) if len(v) == 2 else both)))


def torch_result(call):
    try:
        with torch.no_grad():
            return call()
    except (TypeError, RuntimeError, ValueError):
        return None


HYPER = {"stride": (1, 3), "padding": (0, 1), "output_padding": (0, 1), "dilation": (1, 2)}


@BAD
@given(data=st.data(), name=st.sampled_from(sorted(HYPER)), seed=st.integers(0, 10**6))
def test_every_form_pytorch_accepts_is_accepted_with_the_same_result(data, name, seed):
    low, high = HYPER[name]
    value, (h, w) = data.draw(st.tuples(st.integers(low, high), st.integers(low, high)).flatmap(
        lambda hw: per_axis_form(*hw)), label=name)
    gen = torch.Generator().manual_seed(seed)
    x, weight = torch.randn(1, 2, 5, 6, generator=gen), torch.randn(2, 1, 3, 2, generator=gen)
    base = {"stride": 2, "padding": 0, "output_padding": 0, "dilation": 1}
    expected = F.conv_transpose2d(x, weight, **{**base, name: (h, w)})

    def layer():
        module = torch.nn.ConvTranspose2d(2, 1, (3, 2), bias=False, **{**base, name: value})
        module.weight.copy_(weight)
        return module(x)

    functional, layer = torch_result(lambda: F.conv_transpose2d(x, weight, **{**base, name: value})), torch_result(layer)
    accepted = functional is not None or layer is not None
    for got in (functional, layer):
        assert got is None or torch.equal(got, expected)
    for reference_path in (reference.conv_transpose2d, reference.conv_transpose2d_loops):
        try:
            ours = reference_path(x, weight, **{**base, name: value})
        except REFUSED:
            assert not accepted, f"PyTorch accepts {name}={value!r}, course_utils refuses it"
            continue
        assert torch.allclose(ours, expected, atol=1e-5)
    try:
        sizes = arithmetic.conv_transpose_output_size((5, 6), (3, 2), **{**base, name: value})
    except arithmetic.RuleError:
        assert not accepted, f"PyTorch accepts {name}={value!r}, course_utils.arithmetic refuses it"
    else:
        assert (sizes if isinstance(sizes, tuple) else (sizes, sizes)) == tuple(expected.shape[2:])


@BAD
@given(st.sampled_from([1, 2]).flatmap(lambda g: st.tuples(st.just(g), one_int(g))))
def test_groups_in_every_form_pytorch_accepts(groups):
    plain, value = groups
    x, weight = torch.rand(1, 2, 3, 3), torch.rand(2, 1, 2, 2)
    expected = F.conv_transpose2d(x, weight, groups=plain)
    assert torch.equal(F.conv_transpose2d(x, weight, groups=value), expected)
    assert torch.allclose(reference.conv_transpose2d(x, weight, groups=value), expected, atol=1e-6)
    assert torch.equal(reference.as_conv_weight(weight, value), reference.as_conv_weight(weight, plain))


ONE_AXIS = {"input_size": (1, 8), "kernel_size": (1, 4), "stride": (1, 4), "padding": (0, 2)}


@BAD
@given(data=st.data(), name=st.sampled_from(sorted(ONE_AXIS)))
def test_one_axis_helpers_and_widgets_take_every_single_integer_form(data, name):
    plain = data.draw(st.integers(*ONE_AXIS[name]), label=name)
    value = data.draw(st.one_of(one_int(plain), one_int(plain).map(lambda v: (v,))), label="form")
    args = {"input_size": 3, "kernel_size": 4, "stride": 2, "padding": 1}
    for helper in (overlap.interior_range, overlap.interior_values, overlap.verdict, arithmetic.overlap_counts_1d):
        try:
            theirs = helper(**{**args, name: plain})
        except arithmetic.RuleError as err:
            with pytest.raises(arithmetic.RuleError, match=re.escape(str(err))):
                helper(**{**args, name: value})
            continue
        ours = helper(**{**args, name: value})
        assert torch.equal(ours, theirs) if isinstance(ours, torch.Tensor) else ours == theirs
    calculator = {"input_size": "I", "kernel_size": "K", "stride": "S", "padding": "P"}[name]
    assert (SizeCalculator("en", **{calculator: value}, draw=False).text
            == SizeCalculator("en", **{calculator: plain}, draw=False).text)
    assert OverlapExplorer("ko", **{name: value}, draw=False).text == OverlapExplorer("ko", **{name: plain}, draw=False).text
    low, high = WIDGETS[ScatterAddStepper].get(name, (1, 0))
    if low <= plain <= high:
        assert (ScatterAddStepper("en", **{name: value}, draw=False).text
                == ScatterAddStepper("en", **{name: plain}, draw=False).text)


@BAD
@given(st.lists(st.integers(1, 5), min_size=4, max_size=6), st.sampled_from([np.array, torch.tensor, tuple]),
       st.sampled_from(["size", "kernel_size", "stride", "padding"]))
def test_sequences_of_more_than_three_are_refused_naming_the_per_axis_rule(values, wrap, name):
    with pytest.raises(arithmetic.RuleError) as info:
        arithmetic.conv_output_size(**{"size": 9, "kernel_size": 3, name: wrap(values)})
    assert info.value.key == "not_per_axis" and name in str(info.value)


@BAD
@given(st.sampled_from([torch.complex64, torch.complex128, torch.int64, torch.int32, torch.uint8, torch.bool]))
def test_the_references_advice_for_other_dtypes_is_what_pytorch_does(dtype):
    x, weight = torch.rand(1, 1, 3, 3), torch.rand(1, 1, 2, 2)
    with pytest.raises(ValueError, match=f"input must be a real floating-point tensor.*{dtype}") as info:
        reference.conv_transpose2d(x.to(dtype), weight.to(dtype))
    if dtype.is_complex:  # the advice: torch's own function takes complex tensors
        assert "torch.nn.functional.conv_transpose2d takes complex" in str(info.value)
        assert F.conv_transpose2d(x.to(dtype), weight.to(dtype)).dtype == dtype
    else:  # the advice: convert with .float() or .double(); where torch computes in this dtype, the same numbers
        assert ".float()" in str(info.value) and ".double()" in str(info.value)
        x, weight = (t.mul(4).to(dtype) for t in (x, weight))
        ours = reference.conv_transpose2d(x.double(), weight.double())
        assert torch.allclose(ours, F.conv_transpose2d(x.double(), weight.double()))
        theirs = torch_result(lambda: F.conv_transpose2d(x, weight))
        assert theirs is None or torch.equal(theirs, ours.to(dtype))


# ---------------------------------------------------------------- tensors
def nonfinite_tensors():
    return st.tuples(st.integers(2, 12), st.integers(2, 12), st.sampled_from([float("nan"), float("inf"), -float("inf")]),
                     st.integers(0, 10**6)).map(lambda t: _spoiled(*t))


def _spoiled(height, width, value, seed):
    y = torch.rand(height, width, generator=torch.Generator().manual_seed(seed))
    y[seed % height, seed % width] = value
    return y


empty_tensors = st.tuples(st.integers(0, 3), st.integers(0, 9), st.integers(0, 9)).filter(
    lambda shape: 0 in shape).map(lambda shape: torch.zeros(shape))
complex_tensors = st.tuples(st.integers(8, 12), st.integers(8, 12)).map(lambda s: torch.ones(s, dtype=torch.complex64))
METRICS = [metrics.checkerboard_strength, metrics.phase_means, metrics.interior]


@pytest.mark.parametrize("function", METRICS, ids=lambda f: f.__name__)
@BAD
@given(y=st.one_of(nonfinite_tensors(), empty_tensors, complex_tensors))
def test_metrics_refuse_nonfinite_empty_and_complex_maps(function, y):
    with pytest.raises(ValueError, match="y must"):
        function(y, border=0)


@BAD
@given(st.integers(0, 10**6), st.integers(-250, 250), st.integers(1, 3), st.integers(0, 2))
def test_checkerboard_strength_is_scale_invariant_for_every_finite_map(seed, exponent, period, border):
    y = torch.randn(2, 10, 10, dtype=torch.float64, generator=torch.Generator().manual_seed(seed))
    scaled = y * 10.0**exponent
    assert torch.isfinite(scaled).all()
    assert abs(metrics.checkerboard_strength(scaled, period, border) - metrics.checkerboard_strength(y, period, border)) < 1e-9


@BAD
@given(st.integers(0, 10**6), st.sampled_from([torch.int64, torch.int32, torch.uint8, torch.int16, torch.bool]),
       st.integers(1, 3))
def test_downscale2_averages_integer_images_exactly(seed, dtype, batch):
    gen = torch.Generator().manual_seed(seed)
    images = torch.randint(0, 2 if dtype is torch.bool else 100, (batch, 4, 6), generator=gen).to(dtype)
    expected = images.double().unfold(-2, 2, 2).unfold(-2, 2, 2).mean(dim=(-2, -1))
    got = photos.downscale2(images)
    assert got.is_floating_point() and torch.allclose(got.double(), expected, atol=1e-6)


@BAD
@given(st.one_of(empty_tensors, complex_tensors, st.lists(st.floats(), max_size=4), st.none()))
def test_downscale2_refuses_what_it_cannot_average(images):
    with pytest.raises(REFUSED):
        photos.downscale2(images)


@BAD
@given(st.sampled_from([torch.int64, torch.int32, torch.bool, torch.complex64]), st.booleans())
def test_both_reference_paths_refuse_non_floating_tensors_alike(dtype, many_positions):
    x = torch.ones((2, 1, 8, 8) if many_positions else (1, 2, 3, 3), dtype=dtype)
    w = torch.ones((1, 1, 4, 4) if many_positions else (2, 1, 3, 3), dtype=dtype)
    with pytest.raises(ValueError, match="input must be a real floating-point tensor"):
        reference.conv_transpose2d(x, w, stride=2)


@BAD
@given(st.sampled_from(["input", "weight", "bias"]),
       st.one_of(st.lists(st.floats(), max_size=3), st.floats(), st.just(np.ones((1, 1, 3, 3)))))
def test_reference_names_the_argument_that_is_not_a_tensor(name, value):
    call = {"input": torch.ones(1, 1, 3, 3), "weight": torch.ones(1, 1, 2, 2), "bias": torch.ones(1), name: value}
    with pytest.raises(TypeError, match=f"{name} must be a torch.Tensor"):
        reference.conv_transpose2d(call["input"], call["weight"], call["bias"])


@BAD
@given(st.integers(0, 10**6), st.integers(1, 3), st.integers(1, 3), st.integers(0, 1))
def test_the_reference_is_differentiable_on_every_path(seed, stride, half_kernel, padding):
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn(4, 1, 4, 4, dtype=torch.float64, generator=gen, requires_grad=True)
    w = torch.randn(1, 2, stride * half_kernel, stride * half_kernel, dtype=torch.float64, generator=gen,
                    requires_grad=True)
    ours = torch.autograd.grad(reference.conv_transpose2d(x, w, stride=stride, padding=padding).sum(), (x, w))
    theirs = torch.autograd.grad(F.conv_transpose2d(x, w, stride=stride, padding=padding).sum(), (x, w))
    assert all(torch.allclose(a, b, atol=1e-10) for a, b in zip(ours, theirs))


# name -> (argument, a good tensor for it, call with that argument replaced)
TENSOR_READERS = {
    "checkerboard_strength": ("y", torch.rand(12, 12), lambda t: metrics.checkerboard_strength(t, border=0)),
    "phase_means": ("y", torch.rand(12, 12), lambda t: metrics.phase_means(t, border=0)),
    "pattern_rms": ("y", torch.rand(12, 12), lambda t: metrics.pattern_rms(t, border=0)),
    "interior": ("y", torch.rand(12, 12), lambda t: metrics.interior(t, border=0)),
    "downscale2": ("images", torch.rand(4, 4), photos.downscale2),
    "patches": ("image", torch.rand(8, 8), lambda t: photos.patches(t, 2)),
    "conv_transpose2d input": ("input", torch.rand(1, 1, 4, 4), lambda t: reference.conv_transpose2d(t, torch.ones(1, 1, 3, 3))),
    "conv_transpose2d weight": ("weight", torch.rand(1, 1, 3, 3), lambda t: reference.conv_transpose2d(torch.ones(1, 1, 4, 4), t)),
    "tile": ("images", torch.rand(2, 1, 3, 3), lambda t: diagrams.tile(t, 2)),
    "image_grid": ("images", torch.rand(2, 1, 3, 3), lambda t: diagrams.image_grid(t, 2)),
    "overlap_heatmap": ("counts", torch.rand(3, 3), lambda t: diagrams.overlap_heatmap(t, "en")),
    "pattern_panels": ("outputs['a']", torch.rand(1, 1, 4, 4), lambda t: diagrams.pattern_panels({"a": t}, {"a": torch.rand(4, 4)}, "en")),
}


def _csr(t):
    with warnings.catch_warnings():  # "Sparse CSR tensor support is in beta state", once per process
        warnings.simplefilter("ignore", UserWarning)
        return t.to_sparse_csr()


LAYOUTS = {"sparse COO": lambda t: t.to_sparse(), "sparse CSR": _csr, "meta": lambda t: t.to("meta")}


@pytest.mark.parametrize("name", sorted(TENSOR_READERS))
@BAD
@given(layout=st.sampled_from(sorted(LAYOUTS)))
def test_tensors_without_dense_values_are_refused_naming_the_argument(name, layout):
    argument, good, call = TENSOR_READERS[name]
    if layout == "sparse CSR" and good.ndim != 2:
        layout = "sparse COO"
    rule = re.escape(argument) + " must (be a dense tensor|hold values)"
    if name.startswith("conv_transpose2d"):  # a meta tensor beside a CPU one: the devices differ first
        rule += "|input and weight must be on the same device"
    with pytest.raises(ValueError, match=rule):
        call(LAYOUTS[layout](good))
    if name.startswith("conv_transpose2d") and layout == "meta":
        with pytest.raises(ValueError, match="input must hold values"):
            reference.conv_transpose2d(torch.ones(1, 1, 4, 4, device="meta"), torch.ones(1, 1, 3, 3, device="meta"))


# ---------------------------------------------------------------- exercises
RIGHT_ANSWERS = {exercise_id: exercise.expected() for exercise_id, exercise in sorted(exercises.registered().items())}

@pytest.mark.parametrize("lang", LANGS)
@BAD
@given(wrap=st.sampled_from([torch.tensor, np.array, lambda v: torch.tensor([v]), lambda v: np.array([[v]]),
                             np.int64, lambda v: torch.tensor(v, dtype=torch.int32)]))
def test_one_element_tensors_and_arrays_are_numbers(lang, wrap):
    for exercise_id, right in RIGHT_ANSWERS.items():
        assert exercises.feedback(exercise_id, wrap(right), lang) == exercises.feedback(exercise_id, right, lang)
        assert exercises.feedback(exercise_id, wrap(right), lang).startswith("✅")


@BAD
@given(st.one_of(st.lists(st.integers(), min_size=100, max_size=2000), st.text(min_size=100, max_size=5000),
                 st.integers(100, 10**4).map(torch.arange), st.integers(100, 10**4).map(np.ones),
                 st.dictionaries(st.text(max_size=5), st.integers(), min_size=10, max_size=50)))
def test_every_echoed_answer_is_short_and_on_one_line(answer):
    for lang in LANGS:
        text = exercises.feedback("04.1", answer, lang)
        template = message("exercises.wrong_type", lang, expected=message("exercises.kind.int", lang), got="")
        assert len(text) <= len(template) + exercises.ECHO_CHARS and "\n" not in text


@pytest.mark.parametrize("lang", LANGS)
@BAD
@given(shape=st.lists(st.integers(1, 3), max_size=3).map(tuple), data=st.data())
def test_answers_without_a_readable_value_are_the_wrong_kind(lang, shape, data):
    """A meta tensor holds no value; a masked element (numpy.ma) is no answer, whatever the data under it."""
    size = math.prod(shape)
    mask = np.array(data.draw(st.lists(st.booleans(), min_size=size, max_size=size).filter(any), label="mask"))
    kind = message("exercises.kind.int", lang)
    for exercise_id, right in RIGHT_ANSWERS.items():
        for answer in (torch.full(shape, right, device="meta"), np.ma.masked_array(np.full(shape, right), mask=mask)):
            expected = message("exercises.wrong_type", lang, expected=kind, got=exercises.echo(answer))
            assert exercises.feedback(exercise_id, answer, lang) == expected


# ---------------------------------------------------------------- widgets
WIDGETS = {
    SizeCalculator: {"I": (1, 16), "K": (1, 7), "S": (1, 4), "P": (0, 6), "P_out": (0, 3), "D": (1, 3)},
    OverlapExplorer: {"kernel_size": (1, 8), "stride": (1, 4), "padding": (0, 4), "input_size": (1, 8)},
    ScatterAddStepper: {"step": (0, 4), "kernel_size": (1, 4), "stride": (1, 3), "padding": (0, 2)},
}
WIDGET_CASES = [(widget, name) for widget, limits in WIDGETS.items() for name in limits]


def unshowable(low, high):
    return st.one_of(st.integers(max_value=low - 1, min_value=-(10**9)), st.integers(high + 1, 10**9),
                     st.floats(allow_nan=True), st.none(), st.text(max_size=2), st.booleans())


@pytest.mark.parametrize("widget, name", WIDGET_CASES, ids=lambda v: getattr(v, "__name__", v))
@BAD
@given(data=st.data())
def test_widgets_refuse_starting_values_their_sliders_cannot_show(widget, name, data):
    bad = data.draw(unshowable(*WIDGETS[widget][name]), label=name)
    with pytest.raises(ValueError, match=f"{name} must be an integer from"):
        widget("en", **{name: bad}, draw=False)


@pytest.mark.parametrize("widget, name", WIDGET_CASES, ids=lambda v: getattr(v, "__name__", v))
@BAD
@given(data=st.data(), lang=st.sampled_from(LANGS))
def test_widgets_answer_unshowable_values_in_the_learners_language(widget, name, data, lang):
    explorer = widget(lang, draw=False)
    control, (low, high) = explorer.controls[name], WIDGETS[widget][name]
    start, before = control.value, explorer.text
    bad = data.draw(unshowable(low, high), label=name)
    control.value = bad
    assert explorer.text == message("widgets.out_of_range", lang, name=control.description, low=low, high=high,
                                    value=repr(bad))
    assert explorer.figure is None and control.value is bad
    control.value = start
    assert explorer.text == before


@BAD
@given(st.one_of(st.none(), st.integers(), st.text(max_size=3), st.floats()))
def test_scatter_stepper_symbols_must_be_true_or_false(symbols):
    with pytest.raises(ValueError, match="symbols must be True"):
        ScatterAddStepper("en", symbols=symbols, draw=False)


@pytest.mark.parametrize("lang", LANGS)
def test_toggle_buttons_with_no_option_chosen_say_so(lang):
    stepper = ScatterAddStepper(lang, draw=False)
    before = stepper.text
    stepper.controls["symbols"].value = None
    labels = [message("scatter_stepper.symbols", lang), message("scatter_stepper.numbers", lang)]
    assert stepper.text == message("widgets.no_choice", lang, choices=" / ".join(labels))
    stepper.controls["symbols"].value = True
    assert stepper.text == before


not_options = st.one_of(st.integers(-3, 3), st.floats(), st.text(max_size=3), st.lists(st.booleans(), max_size=2),
                        st.sampled_from([np.bool_(True), np.bool_(False), torch.tensor(True), 1.0, 0.0, "True"]))


@BAD
@given(bad=not_options, lang=st.sampled_from(LANGS))
def test_toggle_buttons_answer_a_value_that_is_no_option_in_the_learners_language(bad, lang):
    stepper = ScatterAddStepper(lang, draw=False)
    control, before = stepper.controls["symbols"], stepper.text
    control.value = bad
    labels = [message("scatter_stepper.symbols", lang), message("scatter_stepper.numbers", lang)]
    assert stepper.text == message("widgets.not_an_option", lang, value=repr(bad), choices=" / ".join(labels))
    assert stepper.figure is None and control.value is bad and control.index is None
    control.value = True
    assert stepper.text == before


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@pytest.mark.parametrize("widget, name", WIDGET_CASES, ids=lambda v: getattr(v, "__name__", v))
@BAD
@given(data=st.data(), lang=st.sampled_from(LANGS), bound=st.sampled_from(["min", "max"]))
def test_changing_a_sliders_range_never_moves_its_value(widget, name, data, lang, bound):
    explorer = widget(lang, draw=False)
    control, (low, high) = explorer.controls[name], WIDGETS[widget][name]
    start, before = control.value, explorer.text
    new = data.draw(st.one_of(st.integers(-20, 20), st.floats(allow_nan=True), st.none(), st.text(max_size=2)),
                    label=bound)
    setattr(control, bound, new)
    assert control.value is start and getattr(control, bound) is new
    label = control.description
    if not (_whole(control.min) and _whole(control.max) and control.min <= control.max):
        assert explorer.text == message("widgets.bad_range", lang, name=label, low=repr(control.min),
                                        high=repr(control.max))
    elif not control.min <= start <= control.max:
        assert explorer.text == message("widgets.out_of_range", lang, name=label, low=control.min, high=control.max,
                                        value=repr(start))
    else:
        assert explorer.text == before
    setattr(control, bound, low if bound == "min" else high)
    assert explorer.text == before


# ---------------------------------------------------------------- drawing data
ragged = st.lists(st.lists(st.just("a"), min_size=0, max_size=4), min_size=1, max_size=4).filter(
    lambda rows: len({len(r) for r in rows}) > 1 or not rows[0])
nan_lists = st.lists(st.sampled_from([0.5, float("nan"), float("inf")]), min_size=1, max_size=5).filter(
    lambda v: not np.isfinite(v).all())


@BAD
@given(st.one_of(ragged, st.just([])))
def test_ragged_or_empty_grids_are_refused(grid):
    with pytest.raises(ValueError, match="labels must|cells must|non-empty|rectangular"):
        diagrams.conv_matrix_grid(grid, "en")
    with pytest.raises(ValueError, match="cells must|non-empty|rectangular"):
        diagrams.scatter_add_step(grid, [[1] * len(row) for row in grid], "en")


@BAD
@given(st.lists(st.one_of(st.integers(-3, 0), st.floats(0.1, 99).filter(lambda v: not v.is_integer()),
                          st.none(), st.text(max_size=2)), min_size=1, max_size=3),
       st.lists(st.integers(1, 64), min_size=0, max_size=2))
def test_encoder_decoder_refuses_sizes_that_are_not_positive_integers(bad, good):
    with pytest.raises(ValueError, match="each size must be a positive integer"):
        diagrams.encoder_decoder([*good, *bad], "en")


@BAD
@given(nan_lists)
def test_nan_and_infinite_values_are_refused_by_every_plot(values):
    n = len(values)
    names = [str(i) for i in range(n)]
    calls = [lambda: diagrams.strength_bars(names, values, "en"),
             lambda: diagrams.gain_bars(names, values, (0.0, 1.0), "m", "en"),
             lambda: diagrams.overlap_outer_product(values, "en"),
             lambda: diagrams.overlap_heatmap([values], "en"),
             lambda: diagrams.response_gallery([[values]], ["t"], "en"),
             lambda: diagrams.crop_gallery([[values]], ["t"], "img", "en")]
    for call in calls:
        with pytest.raises(ValueError, match="finite"):
            call()


@BAD
@given(st.one_of(st.floats(-5, -1e-6), st.floats(1.000001, 50)))
def test_strength_bars_refuse_values_off_the_strength_axis(value):
    with pytest.raises(ValueError, match=r"lies in \[0, 1\]"):
        diagrams.strength_bars(["a", "b"], [0.5, value], "en")


@BAD
@given(st.floats(-1e6, 1e6), st.floats(0, 1e6))
def test_image_grid_refuses_a_value_range_of_no_width(low, below_low):
    with pytest.raises(ValueError, match="value_range must be finite with low < high"):
        diagrams.image_grid(torch.rand(2, 1, 3, 3), value_range=(low, low - below_low))


@BAD
@given(st.integers(-3, 5), st.integers(-3, 5), st.integers(-2, 5), st.integers(-2, 5))
def test_stamps_outside_the_grid_are_refused(r0, c0, h, w):
    cells, counts = [["a"] * 3] * 3, [[1] * 3] * 3
    inside = r0 >= 0 and c0 >= 0 and h >= 1 and w >= 1 and r0 + h <= 3 and c0 + w <= 3
    if inside:
        assert diagrams.scatter_add_step(cells, counts, "en", stamp=(r0, c0, h, w)) is not None
    else:
        with pytest.raises(ValueError, match="stamp"):
            diagrams.scatter_add_step(cells, counts, "en", stamp=(r0, c0, h, w))


@BAD
@given(st.one_of(st.just([]), st.lists(st.tuples(st.text(max_size=2), st.just([[1.0]]))), st.lists(st.none(), min_size=1)))
def test_overlap_heatmaps_need_title_counts_interior_triples(panels):
    with pytest.raises(ValueError, match="panels must hold"):
        diagrams.overlap_heatmaps(panels, "en")


@BAD
@given(st.one_of(st.floats(allow_nan=True).filter(lambda v: not 0 <= v <= 1), st.none(), st.text(max_size=2)))
def test_strength_verdict_refuses_what_is_not_a_strength(strength):
    with pytest.raises(REFUSED):
        metrics.strength_verdict(strength, "en")


@BAD
@given(st.integers(0, 3), st.sampled_from(["list", "3-D", "fewer"]))
def test_segmentation_samples_need_4d_tensors_of_one_batch(n, spoil):
    images = torch.rand(max(n, 1), 1, 4, 4)
    masks = {"list": [[0.0]], "3-D": torch.rand(max(n, 1), 4, 4), "fewer": torch.rand(max(n, 1) - 1, 1, 4, 4)}[spoil]
    with pytest.raises(ValueError, match="images, masks and every prediction"):
        diagrams.segmentation_samples(images, masks, {}, "en")


@BAD
@given(st.dictionaries(st.sampled_from("abc"), st.just(torch.rand(1, 1, 4, 4)), max_size=3),
       st.dictionaries(st.sampled_from("abd"), st.just(torch.rand(4, 4)), max_size=3))
def test_pattern_panels_need_one_spectrum_per_output(outputs, spectra):
    if outputs and set(outputs) == set(spectra):
        return
    with pytest.raises(ValueError, match="outputs and spectra must name the same"):
        diagrams.pattern_panels(outputs, spectra, "en")


bad_stamps = st.one_of(st.none(), st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(1, 3)),
                       st.tuples(*[st.integers(-3, 5)] * 4).filter(
                           lambda s: not (s[0] >= 0 and s[1] >= 0 and s[2] >= 1 and s[3] >= 1 and s[0] + s[2] <= 3
                                          and s[1] + s[3] <= 3)),
                       st.tuples(*[st.floats(0, 1)] * 4), st.text(max_size=4))


@BAD
@given(st.lists(bad_stamps, min_size=1, max_size=3), st.integers(0, 2))
def test_every_stamp_of_scatter_add_steps_is_checked_before_drawing(stamps, good_before):
    snapshots = [[["a"] * 3] * 3] * (good_before + len(stamps))
    with pytest.raises(ValueError, match=rf"stamps\[{good_before}\]"):
        diagrams.scatter_add_steps(snapshots, [(0, 0, 1, 1)] * good_before + stamps, "en")


bad_batches = st.one_of(
    st.tuples(st.integers(0, 2), st.integers(0, 4), st.integers(0, 3), st.integers(0, 3)).filter(
        lambda s: s[0] == 0 or s[1] not in (1, 3) or 0 in s).map(lambda s: torch.rand(s)),
    st.just(np.random.default_rng(0).random((1, 1, 4, 4))), st.none(), st.just(torch.rand(1, 4, 4)),
    st.sampled_from([float("nan"), float("inf")]).map(lambda v: torch.full((1, 1, 4, 4), v)),
    st.just(torch.ones(1, 1, 4, 4, dtype=torch.complex64)))


bad_spectra = st.one_of(bad_batches, st.sampled_from([
    torch.full((4, 4), float("nan")), torch.zeros(0, 4), torch.ones(4, 4, dtype=torch.complex64), -torch.ones(4, 4),
    np.ones((4, 4)), torch.ones(4, 4).to_sparse()]))


@BAD
@given(st.one_of(st.tuples(st.just("outputs"), bad_batches), st.tuples(st.just("spectra"), bad_spectra)))
def test_pattern_panels_refuse_what_they_cannot_draw(case):
    which, bad = case
    arguments = {"outputs": {"a": torch.rand(2, 1, 4, 4)}, "spectra": {"a": torch.rand(4, 4)}}
    arguments[which]["a"] = bad
    with pytest.raises(ValueError, match=rf"{which}\['a'\] must"):
        diagrams.pattern_panels(arguments["outputs"], arguments["spectra"], "en")


NOT_LISTS = st.one_of(st.none(), st.integers(), st.text(max_size=3))
# function -> {argument: call with that argument replaced}
LIST_ARGUMENTS = {
    "segmentation_samples": {"predictions": lambda v: diagrams.segmentation_samples(
        torch.rand(1, 1, 4, 4), torch.rand(1, 1, 4, 4), v, "en")},
    "response_gallery": {"images": lambda v: diagrams.response_gallery(v, ["a"], "en"),
                         "titles": lambda v: diagrams.response_gallery([np.ones((2, 2))], v, "en")},
    "crop_gallery": {"crops": lambda v: diagrams.crop_gallery(v, ["a"], "img", "en"),
                     "titles": lambda v: diagrams.crop_gallery([np.ones((2, 2))], v, "img", "en")},
    "strength_bars": {"names": lambda v: diagrams.strength_bars(v, [0.5], "en")},
    "gain_bars": {"names": lambda v: diagrams.gain_bars(v, [0.5], (0.0, 1.0), "m", "en")},
    "encoder_decoder": {"sizes": lambda v: diagrams.encoder_decoder(v, "en")},
    "scatter_add_steps": {"snapshots": lambda v: diagrams.scatter_add_steps(v, [(0, 0, 1, 1)], "en"),
                          "stamps": lambda v: diagrams.scatter_add_steps([[["a"]]], v, "en")},
}
LIST_CASES = [(function, argument) for function, calls in LIST_ARGUMENTS.items() for argument in calls]


@pytest.mark.parametrize("function, argument", LIST_CASES)
@BAD
@given(value=NOT_LISTS)
def test_list_arguments_that_are_not_lists_are_named(function, argument, value):
    with pytest.raises(ValueError, match=rf"^{argument} must be a (list|dict)"):
        LIST_ARGUMENTS[function][argument](value)


@BAD
@given(st.integers(1, 5), st.sampled_from([np.complex64, np.complex128, complex, torch.complex64]))
def test_overlap_maps_refuse_complex_counts(side, kind):
    counts = torch.ones(side, side, dtype=kind) if isinstance(kind, torch.dtype) else np.ones((side, side)).astype(kind)
    for call in (lambda: diagrams.overlap_heatmap(counts, "en"), lambda: diagrams.overlap_heatmaps([("t", counts, None)], "en"),
                 lambda: diagrams.overlap_outer_product(counts[0], "en")):
        with pytest.raises(ValueError, match="must hold real numbers"):
            call()


@BAD
@given(st.integers(1, 6), st.integers(1, 6), st.integers(-3, 8), st.integers(0, 9), st.sampled_from([1, 1, 2]))
def test_the_interior_box_must_lie_on_the_map(height, width, start, length, step):
    interior = range(start, start + length * step, step)
    inside = not interior or (step == 1 and start >= 0 and interior.stop <= min(height, width))
    call = lambda: diagrams.overlap_heatmap(np.ones((height, width)), "en", interior=interior)  # noqa: E731
    if inside:
        assert call() is not None
    else:
        with pytest.raises(ValueError, match="interior must be a range of step 1 inside"):
            call()


@BAD
@given(st.floats(-1e6, 1e6, allow_nan=False).filter(lambda v: not 0 <= v <= 1), st.integers(0, 3))
def test_crop_gallery_refuses_values_it_would_clip(value, where):
    crops = [np.full((4, 4), 0.5) for _ in range(4)]
    crops[where][1, 2] = value
    with pytest.raises(ValueError, match=r"each crop must hold values in \[0, 1\]"):
        diagrams.crop_gallery(crops, list("abcd"), "img", "en")


@settings(BAD, max_examples=8)
@given(st.integers(0, 3), st.integers(1, 3), st.integers(1, 3),
       st.sampled_from([np.int64, np.int32, np.uint8, torch.tensor, lambda v: torch.tensor([v])]))
def test_drawing_helpers_take_numpy_and_tensor_integers(gap, nrow, columns, wrap):
    images = torch.rand(3, 1, 2, 2)
    assert torch.equal(diagrams.tile(images, wrap(nrow), gap=wrap(gap)).nan_to_num(-1),
                       diagrams.tile(images, nrow, gap=gap).nan_to_num(-1))
    assert diagrams.response_gallery([np.ones((2, 2))] * 3, list("abc"), "en", columns=wrap(columns)) is not None
    cells = [["a"] * 5] * 5
    assert diagrams.scatter_add_step(cells, [[1] * 5] * 5, "en", stamp=tuple(map(wrap, (0, 1, 2, 3))),
                                     padding=wrap(min(gap, 2))) is not None


# ---------------------------------------------------------------- models and tables
not_modules = st.one_of(st.none(), st.integers(), st.text(max_size=3), st.just(torch.ones(2)), st.just(F.relu))


@BAD
@given(not_modules, st.sampled_from(["trace_activations", "saved_for_backward_bytes", "parameter_bytes",
                                     "layer_rows", "layer_table"]))
def test_model_helpers_name_an_argument_that_is_not_a_module(module, helper):
    function = getattr(memory if helper in memory.__all__ else summary, helper)
    args = (module,) if helper == "parameter_bytes" else (module, torch.ones(1, 1))
    with pytest.raises(TypeError, match="(module|model) must be a torch.nn.Module"):
        function(*args)


@BAD
@given(st.one_of(st.none(), st.lists(st.floats(), max_size=2), st.just(np.ones(2))))
def test_memory_helpers_name_an_input_that_is_not_a_tensor(x):
    for function in (memory.trace_activations, memory.saved_for_backward_bytes):
        with pytest.raises(TypeError, match="x must be a torch.Tensor"):
            function(torch.nn.Linear(2, 2), x)


@BAD
@given(st.lists(st.text(max_size=3), max_size=3),
       st.lists(st.lists(st.one_of(st.text(max_size=3), st.integers(), st.none()), max_size=4), min_size=1, max_size=3))
def test_text_tables_refuse_ragged_rows_and_cells_that_are_not_text(header, rows):
    fine = header and all(len(r) == len(header) and all(isinstance(c, str) for c in r) for r in rows)
    if fine:
        assert sr_report.text_table(header, rows).count("\n") == len(rows) + 1
    else:
        with pytest.raises(ValueError, match="header|cell"):
            sr_report.text_table(header, rows)


# ---------------------------------------------------------------- lesson sources
@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode),
                 st.lists(st.sampled_from(['# %% [markdown] tags=["lang-ko"]\n# # 제목\n', '# %%\nx = 1\n',
                                           '# %% [markdown] tags=["lang-en"]\n# # Title\n', '# %% [markdown]\n# x\n',
                                           '# %% [markdown] tags=["lang-fr"]\n# # Titre\n', '\n', '# text\n']),
                          max_size=6).map(lambda parts: "".join(parts).encode())))
def test_any_source_text_is_a_lesson_or_a_source_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "01_random.py"
        path.write_bytes(data)
        try:
            nb = read_source(path)
        except SourceError as err:
            assert str(err).startswith(str(path)) and "\n" not in str(err)
            return
    langs = {tuple(c.metadata.get("tags", [])) for c in nb.cells if c.cell_type == "markdown"}
    assert any(c.cell_type == "code" for c in nb.cells) and len(langs) >= 2


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.lists(st.text(alphabet="ab :E\t", max_size=700), min_size=1, max_size=120))
def test_error_texts_of_the_build_are_shortened_saying_what_was_cut(lines):
    text = "\n".join(lines)
    short = shortened(text).split("\n")
    keep, width = DETAIL_LINES, DETAIL_WIDTH
    assert len(short) <= 2 * keep + 1
    assert all(len(line) <= width + 40 for line in short)
    if len(lines) <= 2 * keep and all(len(line) <= width for line in lines):
        assert short == lines
    for got, original in [(short[0], lines[0]), (short[-1], lines[-1])]:
        assert got.startswith(original[:width])
    if len(lines) > 2 * keep:
        cut = lines[keep:-keep]
        assert short[keep] == f"… [{len(cut)} lines ({sum(map(len, cut))} characters) cut] …"
    for line, original in zip(short[:keep], lines):
        if len(original) > width:
            assert line == f"{original[:width]}… [{len(original) - width} more characters cut]"


# ---------------------------------------------------------------- solutions verified silently, figures described
@BAD
@given(st.one_of(not_integers, st.integers(-10**6, 10**6), st.lists(st.integers(), max_size=3)))
def test_verify_refuses_a_wrong_solution_with_the_exercise_named(solution):
    expected = RIGHT_ANSWERS["03.1"]
    if exercises.as_number(solution) == expected:
        exercises.verify("03.1", solution)
    else:
        with pytest.raises(exercises.WrongSolution, match="03.1"):
            exercises.verify("03.1", solution)
    with pytest.raises(KeyError, match="unknown exercise"):
        exercises.verify("99.9", solution)


@BAD
@given(st.one_of(st.none(), st.integers(), st.just(""), st.just("   \n"), st.binary(max_size=3)))
def test_describe_refuses_anything_but_a_sentence(text):
    figure = diagrams.encoder_decoder([8, 4], "en")
    before = diagrams.alt_text(figure)
    with pytest.raises(ValueError, match="alt text must be a non-empty sentence"):
        diagrams.describe(figure, text)
    assert diagrams.alt_text(figure) == before


# ---------------------------------------------------------------- coverage of the public surface
# Helpers the tests above feed bad values other than integers (tensors, answers, drawing data).
OTHER_KINDS = {
    "downscale2", "feedback", "as_number", "echo", "strength_verdict", "encoder_decoder", "overlap_heatmap",
    "overlap_heatmaps", "overlap_outer_product", "strength_bars", "gain_bars", "scatter_add_step",
    "segmentation_samples", "pattern_panels", "trace_activations", "saved_for_backward_bytes", "parameter_bytes",
    "layer_rows", "layer_table", "text_table", "pattern_rms", "verify", "describe", "alt_text", "size_strips",
}


@pytest.mark.parametrize("settings", [
    None, [], {}, [(8, 3, 2, 1, 0, 1)], {"height": (8, 3, 2, 1)}, {"colour": (8, 3, 2, 1, 0, 1)},
    {"depth": (4, 3, 1, 1, 0, 1), "height": (8, 3, 2, 1, 0, 1), "width": (8, 3, 2, 1, 0, 1), "length": (4, 3, 1, 1, 0, 1)},
])
def test_size_strips_refuses_settings_that_are_not_axes(settings):
    with pytest.raises(ValueError, match="settings must be a dict of 1 to 3 axes"):
        diagrams.size_strips(settings, "en")


def test_size_strips_names_the_rule_an_axis_breaks():
    with pytest.raises(REFUSED, match="stride"):
        diagrams.size_strips({"height": (8, 3, 2, 1, 0, 1), "width": (8, 3, 0, 1, 0, 1)}, "en")
EXEMPT = {
    # constants and classes: nothing to call with a bad value
    "MAX_POSITIONS", "RuleError", "NONE_BELOW", "WEAK_BELOW", "FLAT_BELOW", "BUNDLED", "Exercise", "WrongSolution",
    # the course's own registry, filled at import by course_utils.exercises.lessonNN
    "register", "registered",
    # check prints feedback(...); luminance reads bundled_path(name), which names the known photographs (KeyError)
    "check", "luminance", "bundled_path",
    # records (data classes) and the display width of a string
    "Allocation", "ActivationTrace", "LayerRow", "Result", "display_width",
    # results_table formats Result records through text_table and strength_verdict, both covered above
    "results_table",
}
PUBLIC_MODULES = [arithmetic, overlap, metrics, photos, exercises, reference, diagrams, memory, summary, sr_report]


def test_every_public_helper_is_covered():
    covered = set(INTEGER_PARAMETERS) | OTHER_KINDS | EXEMPT
    public = {name for module in PUBLIC_MODULES for name in module.__all__}
    assert public - covered == set(), "add the new helper to a table of tests/test_bad_inputs.py"
    for module in PUBLIC_MODULES:
        for name in module.__all__:
            value = getattr(importlib.import_module(module.__name__), name)
            if inspect.isfunction(value):
                assert value.__doc__, f"{module.__name__}.{name} needs a docstring"
