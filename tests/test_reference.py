"""course_utils.reference gives PyTorch's numbers (float64, 1e-10) and refuses what PyTorch refuses, by name."""

import random

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.nn import functional as F

from course_utils.reference import (as_conv_weight, conv_matrix, conv_transpose2d, conv_transpose2d_loops,
                                    conv_transpose2d_phases, conv_transpose2d_zero_insertion)
from course_utils.reference import gemm
from course_utils.reference._checks import checked

TOL = 1e-10
EXAMPLES = settings(max_examples=120, deadline=None)
VIEWS = [conv_transpose2d_loops, conv_transpose2d_zero_insertion, conv_transpose2d_phases]


def close(a, b):
    return a.shape == b.shape and torch.allclose(a, b, atol=TOL, rtol=0)


@st.composite
def settings_(draw, max_size=6):
    """A random call of conv_transpose2d: tensors in float64 and keyword arguments (maybe refused)."""
    groups = draw(st.integers(1, 3))
    c_in, c_out_g = groups * draw(st.integers(1, 2)), draw(st.integers(1, 3))
    kernel = draw(st.tuples(st.integers(1, 5), st.integers(1, 5)))
    stride = draw(st.tuples(st.integers(1, 4), st.integers(1, 4)))
    dilation = draw(st.sampled_from([(1, 1), (1, 1), (2, 1), (1, 3), (2, 2)]))
    padding = draw(st.tuples(st.integers(0, 4), st.integers(0, 4)))
    output_padding = tuple(draw(st.integers(0, max(s, d) - 1)) for s, d in zip(stride, dilation))
    size = draw(st.tuples(st.integers(1, max_size), st.integers(1, max_size)))
    batch = draw(st.sampled_from([None, 1, 2]))
    seed = draw(st.integers(0, 2**16))
    gen = torch.Generator().manual_seed(seed)
    shape = (c_in, *size) if batch is None else (batch, c_in, *size)
    x = torch.randn(*shape, generator=gen, dtype=torch.float64)
    w = torch.randn(c_in, c_out_g, *kernel, generator=gen, dtype=torch.float64)
    b = torch.randn(c_out_g * groups, generator=gen, dtype=torch.float64) if draw(st.booleans()) else None
    kwargs = dict(stride=stride, padding=padding, output_padding=output_padding, groups=groups, dilation=dilation)
    return x, w, b, kwargs


def torch_or_none(x, w, b, kwargs):
    try:
        return F.conv_transpose2d(x, w, b, **kwargs)
    except RuntimeError:
        return None


@EXAMPLES
@given(settings_(max_size=8))
def test_vectorized_matches_pytorch_or_refuses_like_it(call):
    x, w, b, kwargs = call
    expected = torch_or_none(x, w, b, kwargs)
    if expected is None:
        with pytest.raises(ValueError):
            conv_transpose2d(x, w, b, **kwargs)
    else:
        assert close(conv_transpose2d(x, w, b, **kwargs), expected)


@settings(max_examples=50, deadline=None)
@given(settings_(max_size=4))
def test_loops_and_views_match_pytorch(call):
    x, w, b, kwargs = call
    expected = torch_or_none(x, w, b, kwargs)
    for view in VIEWS:
        if expected is None:
            with pytest.raises(ValueError):
                view(x, w, b, **kwargs)
        else:
            assert close(view(x, w, b, **kwargs), expected), view.__name__


@EXAMPLES
@given(settings_(max_size=6))
def test_both_fast_paths_match_pytorch(call):
    x, w, b, kwargs = call
    expected = torch_or_none(x, w, b, kwargs)
    if expected is None:
        return
    setting = checked(x, w, b, **kwargs)
    got = gemm._gemm_col2im(setting, w, b)
    assert close(got if setting.batched else got.squeeze(0), expected)
    if kwargs["groups"] == 1 and kwargs["dilation"] == (1, 1) and all(
            k % s == 0 for k, s in zip(w.shape[2:], kwargs["stride"])):
        got = gemm._gemm_phases(setting, w, b)
        assert close(got if setting.batched else got.squeeze(0), expected)


def test_the_sub_pixel_path_is_taken_for_k4_s2():
    x = torch.randn(2, 3, 5, 5, dtype=torch.float64)
    w = torch.randn(3, 4, 4, 4, dtype=torch.float64)
    setting = checked(x, w, None, 2, 1, 0, 1, 1)
    assert close(gemm._gemm_phases(setting, w, None), F.conv_transpose2d(x, w, None, 2, 1))
    assert close(conv_transpose2d(x, w, None, 2, 1), F.conv_transpose2d(x, w, None, 2, 1))


@EXAMPLES
@given(st.integers(1, 2), st.integers(1, 2), st.integers(1, 4), st.integers(1, 3), st.integers(0, 2),
       st.integers(1, 2), st.integers(1, 7), st.integers(0, 2**16))
def test_conv_matrix_is_the_convolution_and_its_transpose(c_out, c_in, k, s, p, d, size, seed):
    gen = torch.Generator().manual_seed(seed)
    if d * (k - 1) + 1 > size + 2 * p:
        with pytest.raises(ValueError, match="no convolution output"):
            conv_matrix(torch.ones(c_out, c_in, k, k), size, s, p, d)
        return
    w = torch.randn(c_out, c_in, k, k, generator=gen, dtype=torch.float64)
    x = torch.randn(c_in, size, size, generator=gen, dtype=torch.float64)
    c = conv_matrix(w, size, s, p, d)
    y = F.conv2d(x[None], w, stride=s, padding=p, dilation=d)[0]
    assert torch.allclose(c @ x.flatten(), y.flatten(), atol=TOL, rtol=0)
    # Cᵀ is the transposed convolution; output_padding restores the rows the stride dropped.
    extra = (size + 2 * p - d * (k - 1) - 1) % s
    back = F.conv_transpose2d(y[None], w, None, s, p, extra, 1, d)[0]
    assert torch.allclose(c.T @ y.flatten(), back.flatten(), atol=TOL, rtol=0)


def test_conv_matrix_of_the_lesson_is_4_by_16():
    kernel = torch.arange(1.0, 10.0).view(3, 3)
    c = conv_matrix(kernel, 4)
    assert c.shape == (4, 16)
    assert c[0].view(4, 4)[:3, :3].equal(kernel) and c[3].view(4, 4)[1:, 1:].equal(kernel)


def test_as_conv_weight_swaps_channels_and_flips():
    w = torch.arange(2 * 3 * 2 * 2.0).view(2, 3, 2, 2)
    conv_w = as_conv_weight(w)
    assert conv_w.shape == (3, 2, 2, 2) and conv_w[1, 0].equal(w[0, 1].flip(0, 1))


def test_unbatched_input_gives_unbatched_output():
    x, w = torch.randn(2, 3, 3, dtype=torch.float64), torch.randn(2, 5, 3, 3, dtype=torch.float64)
    assert close(conv_transpose2d(x, w, stride=2), F.conv_transpose2d(x, w, stride=2))


ONES = torch.ones(4, 2, 3, 3)
BAD_CALLS = [
    (torch.ones(1, 3, 4, 4), ONES, {}, r"input has 3 channels but weight.shape\[0\] = C_in = 4"),
    (torch.ones(4, 4), ONES, {}, r"input must be 3-D \(C_in, H, W\) or 4-D"),
    (torch.ones(1, 4, 4, 4), torch.ones(4, 2, 3), {}, r"weight must be 4-D \(C_in, C_out / groups, kH, kW\)"),
    (torch.ones(1, 4, 4, 4), ONES, {"groups": 3}, r"C_in = 4 must be divisible by groups = 3"),
    (torch.ones(1, 4, 4, 4), ONES, {"groups": 0}, r"groups must be a positive int"),
    (torch.ones(1, 4, 4, 4), ONES, {"bias": torch.ones(3)}, r"bias must have shape \(C_out,\) = \(2,\)"),
    (torch.ones(1, 4, 4, 4), ONES, {"groups": 2, "bias": torch.ones(2)}, r"= \(4,\) with C_out = weight.shape\[1\] \* groups"),
    (torch.ones(1, 4, 4, 4), ONES, {"stride": 2, "output_padding": 2}, r"height: output_padding \(2\) must be smaller than stride \(2\) or dilation \(1\)"),
    (torch.ones(1, 4, 4, 4), ONES, {"stride": 0}, r"height: stride must be at least 1"),
    (torch.ones(1, 4, 4, 4), ONES, {"padding": (0, -1)}, r"width: padding must not be negative"),
    (torch.ones(1, 4, 1, 1), ONES, {"padding": 2}, r"height: The output size must be at least 1"),
    (torch.ones(1, 4, 4, 4), ONES, {"stride": 1.5}, r"stride must be an int or a pair \(height, width\) of ints"),
    (torch.ones(1, 4, 4, 4, dtype=torch.float64), ONES, {}, r"input and weight must have the same dtype"),
]


@pytest.mark.parametrize("fn", [conv_transpose2d, *VIEWS])
@pytest.mark.parametrize("x, w, kwargs, pattern", BAD_CALLS)
def test_bad_calls_name_the_rule(fn, x, w, kwargs, pattern):
    kwargs = dict(kwargs)
    bias = kwargs.pop("bias", None)
    with pytest.raises(ValueError, match=pattern):
        fn(x, w, bias, **kwargs)
    if "dtype" not in pattern and "an int or a pair" not in pattern and "positive int" not in pattern:
        with pytest.raises(RuntimeError):
            F.conv_transpose2d(x, w, bias, **kwargs)


def test_conv_matrix_refuses_a_bad_weight():
    with pytest.raises(ValueError, match=r"weight must be 2-D \(kH, kW\) or 4-D"):
        conv_matrix(torch.ones(3, 3, 3), 4)


def _gradcheck_settings(count=64, seed=13):
    """Random float64 calls, half of them fit for the sub-pixel path (groups 1, dilation 1, S divides K)."""
    rng = random.Random(seed)
    calls = []
    for index in range(count):
        phases = index % 2 == 1
        groups = 1 if phases else rng.choice([1, 2, 3])
        stride = tuple(rng.randint(1, 3) for _ in range(2))
        dilation = (1, 1) if phases else tuple(rng.randint(1, 3) for _ in range(2))
        kernel = tuple(s * rng.randint(1, 2) if phases else rng.randint(1, 3) for s in stride)
        output_padding = tuple(rng.randint(0, max(s, d) - 1) for s, d in zip(stride, dilation))
        padding = tuple(rng.randint(0, (d * (k - 1)) // 2) for d, k in zip(dilation, kernel))
        c_in, cout_g = groups * rng.randint(1, 2), rng.randint(1, 2)
        size = tuple(rng.randint(1, 4) for _ in range(2))
        gen = torch.Generator().manual_seed(rng.randrange(2**31))
        x = torch.randn(rng.randint(1, 2), c_in, *size, generator=gen, dtype=torch.float64)
        w = torch.randn(c_in, cout_g, *kernel, generator=gen, dtype=torch.float64)
        b = torch.randn(cout_g * groups, generator=gen, dtype=torch.float64)
        kwargs = dict(stride=stride, padding=padding, output_padding=output_padding, groups=groups, dilation=dilation)
        calls.append(pytest.param(x, w, b, kwargs, phases, id=f"{'phases' if phases else 'col2im'}-{index}"))
    return calls


GRADCHECK_CALLS = _gradcheck_settings()


def test_gradcheck_settings_cover_groups_dilation_output_padding_and_both_paths():
    kwargs = [call.values[3] for call in GRADCHECK_CALLS]
    assert len(kwargs) >= 50
    assert any(k["groups"] > 1 for k in kwargs) and any(k["dilation"] != (1, 1) for k in kwargs)
    assert any(max(k["output_padding"]) > 0 for k in kwargs)
    assert any(op >= s for k in kwargs for op, s in zip(k["output_padding"], k["stride"]))
    assert sum(call.values[4] for call in GRADCHECK_CALLS) >= 25


@pytest.mark.parametrize("x, w, b, kwargs, phases", GRADCHECK_CALLS)
def test_reference_is_differentiable_like_pytorch(x, w, b, kwargs, phases):
    path = gemm._gemm_phases if phases else gemm._gemm_col2im
    x, w, b = (t.clone().requires_grad_() for t in (x, w, b))

    def through_path(x, w, b):
        return path(checked(x, w, b, **kwargs), w, b)

    assert torch.autograd.gradcheck(through_path, (x, w, b))
    assert torch.autograd.gradcheck(lambda x, w, b: conv_transpose2d(x, w, b, **kwargs), (x, w, b))
    grads = torch.autograd.grad(conv_transpose2d(x, w, b, **kwargs).square().sum(), (x, w, b))
    expected = torch.autograd.grad(F.conv_transpose2d(x, w, b, **kwargs).square().sum(), (x, w, b))
    assert all(torch.allclose(g, e, atol=1e-10, rtol=0) for g, e in zip(grads, expected))


@pytest.mark.parametrize("view", VIEWS)
def test_views_are_differentiable(view):
    x, w, b, kwargs, _ = GRADCHECK_CALLS[0].values
    x, w, b = (t.clone().requires_grad_() for t in (x, w, b))
    assert torch.autograd.gradcheck(lambda x, w, b: view(x, w, b, **kwargs), (x, w, b))


@pytest.mark.parametrize("dtype", [torch.int64, torch.int32, torch.bool, torch.complex64])
def test_both_paths_refuse_what_is_not_floating_point_before_computing(dtype):
    for x, w in [(torch.ones(2, 1, 8, 8), torch.ones(1, 1, 4, 4)), (torch.ones(1, 2, 3, 3), torch.ones(2, 1, 3, 3))]:
        with pytest.raises(ValueError, match=f"input must be a real floating-point tensor.*got {dtype}"):
            conv_transpose2d(x.to(dtype), w.to(dtype), stride=2)


def test_bad_kinds_of_argument_name_the_parameter():
    x, w = torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2)
    with pytest.raises(TypeError, match="input must be a torch.Tensor, got list"):
        conv_transpose2d([[1.0]], w)
    with pytest.raises(TypeError, match="bias must be a torch.Tensor, got float"):
        conv_transpose2d(x, w, 0.5)
    with pytest.raises(ValueError, match=r"padding must be an int or a pair \(height, width\) of ints \(a sequence of one int "
                                         r"counts for both axes\), got \(1, 1, 1\)"):
        conv_transpose2d(x, w, padding=(1, 1, 1))
    with pytest.raises(ValueError, match=r"weight.shape\[1\] = C_out / groups must be at least 1"):
        conv_transpose2d(x, torch.ones(1, 0, 2, 2))
    with pytest.raises(ValueError, match=r"more than the 2147483647 \(2\*\*31 − 1\) this reference allocates"):
        conv_transpose2d(x, w, stride=10**6)
    assert close(conv_transpose2d(x, w, stride=np.int64(2), groups=np.int32(1)), F.conv_transpose2d(x, w, stride=2))
    with pytest.raises(ValueError, match="input and weight must be on the same device, got cpu and meta"):
        conv_transpose2d(x, w.to("meta"))
    with pytest.raises(ValueError, match="input and bias must have the same dtype"):
        conv_transpose2d(x, w, torch.ones(1, dtype=torch.float64))
    with pytest.raises(ValueError, match=r"no convolution output: height: stride must be at least 1"):
        conv_matrix(torch.ones(3, 3), 4, stride=0)
    with pytest.raises(ValueError, match="entries, more than the 67108864 conv_matrix builds"):
        conv_matrix(torch.ones(3, 3), 10**4)
