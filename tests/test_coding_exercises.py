"""Every coding exercise: the reference solution passes; a planted wrong solution fails on its smallest failing
case; malformed submissions (raising, wrong shape, mutating, not callable, endless) get a message, not a
traceback."""

import time

import pytest
import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises.coding import REFUSED, cases_of, evaluate, feedback_code, hint, registered_coding
from course_utils.i18n import LANGS, message

pytestmark = pytest.mark.usefixtures("one_thread")


def zero_insert(x, stride):
    n, c, h, w = x.shape
    out = x.new_zeros(n, c, (h - 1) * stride + 1, (w - 1) * stride + 1)
    out[..., ::stride, ::stride] = x
    return out


def transposed_conv2d(x, weight, stride):
    k = weight.shape[-1]
    z = zero_insert(x, stride)
    return F.conv2d(F.pad(z, [k - 1] * 4), weight.transpose(0, 1).flip(-2, -1))


def output_size(input_size, kernel_size, stride, padding, output_padding, dilation):
    if output_padding >= stride and output_padding >= dilation:
        raise ValueError("output_padding must be smaller than stride or dilation")
    size = (input_size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1
    if size < 1:
        raise ValueError("the output would be empty")
    return size


def overlap_counts(input_size, kernel_size, stride, padding):
    full = torch.zeros((input_size - 1) * stride + kernel_size)
    for i in range(input_size):
        full[i * stride:i * stride + kernel_size] += 1
    return full[padding:full.numel() - padding]


def as_pixel_shuffle(weight):
    c_in, c_out, r, _ = weight.shape
    return weight.permute(1, 2, 3, 0).reshape(c_out * r * r, c_in, 1, 1)


def decoder_step(up, x, skip):
    return torch.cat([up(x, output_size=skip.shape[-2:]), skip], dim=1)


def decoder_step_padding(up, x, skip):
    y = up(x)
    dh, dw = skip.shape[-2] - y.shape[-2], skip.shape[-1] - y.shape[-1]
    return torch.cat([F.pad(y, [dw // 2, dw - dw // 2, dh // 2, dh - dh // 2]), skip], dim=1)


def generator(z_dim, channels, size):
    widths = [8] * ((size // 4).bit_length() - 1) + [channels]
    layers = [nn.ConvTranspose2d(z_dim, widths[0], 4, 1, 0)]
    for a, b in zip(widths, widths[1:]):
        layers += [nn.BatchNorm2d(a), nn.ReLU(), nn.ConvTranspose2d(a, b, 4, 2, 1)]
    return nn.Sequential(*layers, nn.Tanh())


def pixel_shuffle(x, r):
    n, c, h, w = x.shape
    return x.reshape(n, c // (r * r), r, r, h, w).permute(0, 1, 4, 2, 5, 3).reshape(n, c // (r * r), h * r, w * r)


def psnr(prediction, target):
    mse = ((prediction - target) ** 2).flatten(1).mean(dim=1)
    return 10 * torch.log10(1 / mse)


def bilinear_kernel(channels, scale):
    k = 2 * scale - scale % 2
    t = 1 - (torch.arange(k, dtype=torch.float64) - (k - 1) / 2).abs() / scale
    return torch.outer(t, t).expand(channels, 1, k, k).clone()


def conv_transpose1d(x, weight, stride, padding):
    n, c, length = x.shape
    k = weight.shape[-1]
    z = x.new_zeros(n, c, (length - 1) * stride + 1)
    z[..., ::stride] = x
    full = F.conv1d(F.pad(z, [k - 1, k - 1]), weight.transpose(0, 1).flip(-1))
    return full[..., padding:full.shape[-1] - padding]


RIGHT = {"01.4": zero_insert, "02.5": transposed_conv2d, "03.5": output_size, "04.5": overlap_counts,
         "05.4": as_pixel_shuffle, "06.4": decoder_step, "07.5": generator, "08.4": pixel_shuffle, "09.5": psnr,
         "10.3": bilinear_kernel, "11.3": conv_transpose1d}

# Planted mistakes a learner could make; each must fail first on the smallest case where it is wrong.
WRONG = {
    "01.4": lambda x, stride: x.repeat_interleave(stride, -1).repeat_interleave(stride, -2),
    "02.5": lambda x, weight, stride: F.conv2d(F.pad(zero_insert(x, stride), [weight.shape[-1] - 1] * 4),
                                               weight.transpose(0, 1)),
    "03.5": lambda i, k, s, p, a, d: (i - 1) * s - 2 * p + k + a,
    "04.5": lambda i, k, s, p: torch.ones((i - 1) * s + k - 2 * p),
    "05.4": lambda weight: weight.transpose(0, 1).reshape(-1, weight.shape[0], 1, 1),
    "06.4": lambda up, x, skip: torch.cat([F.pad(up(x), [skip.shape[-1] - 2 * x.shape[-1], 0,
                                                         skip.shape[-2] - 2 * x.shape[-2], 0]), skip], dim=1),
    "07.5": lambda z_dim, channels, size: nn.Sequential(
        nn.ConvTranspose2d(z_dim, channels, 4, 1, 0), *[nn.ConvTranspose2d(channels, channels, 4, 2, 1)
                                                        for _ in range(size // 8)]),
    "08.4": lambda x, r: x.reshape(x.shape[0], -1, r, r, *x.shape[2:]).permute(0, 1, 4, 3, 5, 2).reshape(
        x.shape[0], -1, x.shape[2] * r, x.shape[3] * r),
    "09.5": lambda prediction, target: (10 * torch.log10(1 / ((prediction - target) ** 2).mean())).expand(
        prediction.shape[0]),
    # forgets that each channel needs its own copy (groups=channels)
    "10.3": lambda channels, scale: bilinear_kernel(1, scale),
    # forgets to cut the padding off
    "11.3": lambda x, weight, stride, padding: conv_transpose1d(x, weight, stride, 0),
}

IDS = sorted(registered_coding())


def _outcome(function, case):
    """What the case's check should decide, computed here without the checker: 'ok' or 'bad'."""
    try:
        with torch.no_grad():
            got = function(*[a for a in case.args]) if case.settings.get("z") is None else None
    except ValueError:
        return "ok" if case.expected is REFUSED else "bad"
    except RuntimeError:
        return "bad"
    if case.expected is REFUSED:
        return "bad"
    if isinstance(case.expected, int):
        return "ok" if got == case.expected else "bad"
    if got.shape != case.expected.shape:
        return "bad"
    return "ok" if torch.allclose(got.double(), case.expected, rtol=1e-9, atol=1e-12) else "bad"


def _generator_outcome(function, case):
    z_dim, channels, size, z = case.args
    with torch.no_grad():
        return "ok" if function(z_dim, channels, size).eval()(z).shape == case.expected else "bad"


def test_every_lesson_has_a_coding_exercise():
    assert {i.split(".")[0] for i in IDS} == {f"{n:02d}" for n in range(1, 12)}
    assert set(RIGHT) == set(IDS) == set(WRONG)


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_reference_solution_passes(exercise_id):
    assert evaluate(exercise_id, RIGHT[exercise_id]).kind == "correct"
    for lang in LANGS:
        assert feedback_code(exercise_id, RIGHT[exercise_id], lang).startswith(
            message("exercises.correct", lang, explanation="").strip())


def test_padding_at_the_end_is_also_right():
    assert evaluate("06.4", decoder_step_padding).kind == "correct"


@pytest.mark.parametrize("exercise_id", IDS)
def test_a_wrong_solution_is_reported_at_its_smallest_failing_case(exercise_id):
    cases = cases_of(registered_coding()[exercise_id])
    outcome = _generator_outcome if exercise_id == "07.5" else _outcome
    first_bad = next(i for i, case in enumerate(cases) if outcome(WRONG[exercise_id], case) == "bad")
    verdict = evaluate(exercise_id, WRONG[exercise_id])
    assert verdict.kind != "correct" and verdict.case_index == first_bad
    for lang in LANGS:
        text = feedback_code(exercise_id, WRONG[exercise_id], lang)
        assert message("coding.case", lang, number=first_bad + 1, total=len(cases), settings="").split("(")[0] in text
        assert "Traceback" not in text and 'File "' not in text


def test_cases_run_from_small_to_large():
    for exercise_id in IDS:
        cases = cases_of(registered_coding()[exercise_id])
        sizes = [sum(a.numel() if isinstance(a, torch.Tensor) else 0 for a in case.args) for case in cases]
        assert sizes[0] == min(sizes), exercise_id


def _first_argument(exercise_id):
    return next(iter(cases_of(registered_coding()[exercise_id])[0].settings))


@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_malformed_submissions_get_messages(exercise_id, lang):
    def raises(*args):
        raise ZeroDivisionError("planted failure")

    assert evaluate(exercise_id, raises).kind == "raised"
    text = feedback_code(exercise_id, raises, lang)
    assert "ZeroDivisionError: planted failure" in text and message("coding.case", lang, number=1, total=1,
                                                                   settings="").split(" ")[0] in text
    assert evaluate(exercise_id, 42).kind == "not_callable"
    assert "42" in feedback_code(exercise_id, 42, lang)
    assert evaluate(exercise_id, ...).kind == "unanswered"
    assert feedback_code(exercise_id, lambda *a: None, lang) == message(
        "coding.unanswered", lang, signature=registered_coding()[exercise_id].signature)


WRONG_SHAPE = {
    "01.4": lambda x, stride: x, "02.5": lambda x, weight, stride: x.new_zeros(1), "04.5": lambda i, k, s, p: torch.zeros(99),
    "05.4": lambda weight: weight, "06.4": lambda up, x, skip: skip, "08.4": lambda x, r: x,
    "09.5": lambda prediction, target: prediction,
    "07.5": lambda z_dim, channels, size: nn.ConvTranspose2d(z_dim, channels, 4, 1, 0),
    "10.3": lambda channels, scale: torch.zeros(channels, 1, 2 * scale, 2 * scale, dtype=torch.float64),
    "11.3": lambda x, weight, stride, padding: conv_transpose1d(x, weight, stride, padding)[0],
}


@pytest.mark.parametrize("exercise_id", sorted(WRONG_SHAPE))
def test_a_wrong_shape_is_named(exercise_id):
    verdict = evaluate(exercise_id, WRONG_SHAPE[exercise_id])
    assert verdict.kind == "wrong_shape" and verdict.values["expected"] != verdict.values["received"]
    text = feedback_code(exercise_id, WRONG_SHAPE[exercise_id], "en")
    assert "wrong shape" in text and str(verdict.values["received"]) in text


def test_a_wrong_kind_of_answer_is_named():
    assert evaluate("03.5", lambda *a: "7").kind == "wrong_integer"
    assert evaluate("07.5", lambda *a: "a model").kind == "not_module"
    assert evaluate("08.4", lambda x, r: pixel_shuffle(x, r).float()).kind == "wrong_dtype"
    assert evaluate("08.4", lambda x, r: pixel_shuffle(x, r).tolist()).kind == "not_tensor"
    assert "nn.Module" in feedback_code("07.5", lambda *a: "a model", "ko")


MUTATING = {
    "01.4": lambda x, stride: zero_insert(x.mul_(1.0).add_(1.0).sub_(1.0).mul_(2.0), stride),
    "02.5": lambda x, weight, stride: transposed_conv2d(x, weight.flip(-1).mul_(0.5), stride) + x.sum() * 0
    if not weight.mul_(2) is None else None,
    "05.4": lambda weight: as_pixel_shuffle(weight.mul_(3)),
    "06.4": lambda up, x, skip: decoder_step(up, x, skip.add_(1)),
    "08.4": lambda x, r: pixel_shuffle(x.mul_(2), r),
    "09.5": lambda prediction, target: psnr(prediction.clamp_(0, 1), target),
    "11.3": lambda x, weight, stride, padding: conv_transpose1d(x.mul_(2), weight, stride, padding).div(2),
}


@pytest.mark.parametrize("exercise_id", sorted(MUTATING))
def test_a_submission_that_changes_its_input_is_caught(exercise_id):
    verdict = evaluate(exercise_id, MUTATING[exercise_id])
    assert verdict.kind == "mutated"
    text = feedback_code(exercise_id, MUTATING[exercise_id], "ko")
    assert f"`{verdict.values['argument']}`" in text


def test_changing_the_module_weights_is_caught():
    def meddle(up, x, skip):
        up.weight.data.zero_()
        return decoder_step(up, x, skip)

    verdict = evaluate("06.4", meddle)
    assert verdict.kind == "mutated" and verdict.values["argument"] == "up"


@pytest.mark.parametrize("exercise_id", IDS)
def test_an_endless_loop_is_stopped_with_a_message(exercise_id):
    def endless(*args):
        while True:
            pass

    def stubborn(*args):
        while True:
            try:
                while True:
                    pass
            except Exception:
                pass

    def bare_except(*args):
        while True:
            try:
                time.sleep(10)
            except:  # noqa: E722 - the learner's habit this test is about
                pass

    for submission in (endless, stubborn, bare_except):
        start = time.perf_counter()
        verdict = evaluate(exercise_id, submission, time_limit=0.3)
        assert verdict.kind == "timeout" and verdict.case_index == 0
        assert time.perf_counter() - start < 0.3 + 2.0
    text = feedback_code(exercise_id, endless, "ko", time_limit=0.3)
    assert text.startswith("⏱️") and "0.3" in text


def test_the_alarm_is_gone_after_a_check():
    import signal
    evaluate("08.4", pixel_shuffle)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)


@pytest.mark.parametrize("lang", LANGS)
def test_hints_come_in_three_steps(lang, capsys):
    for exercise_id in IDS:
        exercise = registered_coding()[exercise_id]
        assert len(exercise.hints) == 3
        shown = []
        for step in (1, 2, 3):
            hint(exercise_id, lang, step=step)
            shown.append(capsys.readouterr().out)
            assert exercise.hints[step - 1][lang] in shown[-1]
            assert message(f"coding.hint_label.{step}", lang) in shown[-1]
        assert len(set(shown)) == 3
    for bad in (0, 4, "1", True):
        with pytest.raises(ValueError, match="step"):
            hint("01.4", lang, step=bad)


def test_expected_values_come_from_pytorch():
    """The 05.4 reference weight really makes conv 1×1 + pixel shuffle equal the transposed convolution."""
    for case in cases_of(registered_coding()["05.4"]):
        (weight,) = case.args
        c_in, c_out, r, _ = weight.shape
        x = torch.randn(2, c_in, 3, 4, dtype=torch.float64)
        assert torch.allclose(F.pixel_shuffle(F.conv2d(x, case.expected), r),
                              F.conv_transpose2d(x, weight, stride=r), rtol=1e-12, atol=1e-12)


def test_the_bilinear_kernel_makes_the_transposed_convolution_equal_bilinear_interpolation():
    """10.3's expected kernels, used with stride=scale, padding=scale // 2, groups=channels, give F.interpolate's
    bilinear output (align_corners=False) away from the border, for even and odd scales."""
    for case in cases_of(registered_coding()["10.3"]):
        channels, scale = case.args
        x = torch.randn(2, channels, 6, 7, dtype=torch.float64)
        ours = F.conv_transpose2d(x, case.expected, stride=scale, padding=scale // 2, groups=channels)
        theirs = F.interpolate(x, scale_factor=scale, mode="bilinear", align_corners=False)
        assert ours.shape == theirs.shape
        inner = (..., slice(scale, -scale), slice(scale, -scale))
        assert torch.allclose(ours[inner], theirs[inner], rtol=1e-12, atol=1e-12)
        if scale > 1:
            assert not torch.allclose(ours, theirs, rtol=1e-12, atol=1e-12)


def test_unknown_exercise_lists_known_ones():
    with pytest.raises(KeyError, match="unknown coding exercise .9.9.; known: 01.4"):
        evaluate("9.9", zero_insert)


def test_number_exercises_have_two_hint_steps(capsys):
    from course_utils.exercises import registered
    exercise = registered()["03.4"]
    hint("03.4", "ko", step=1)
    assert exercise.hint["ko"] in capsys.readouterr().out
    hint("03.4", "en", step=2)
    assert message("coding.hint_solution_cell", "en") in capsys.readouterr().out
    with pytest.raises(ValueError, match="1 to 2"):
        hint("03.4", "en", step=3)
    with pytest.raises(KeyError, match="unknown exercise '9.9'"):
        hint("9.9", "en")


SOLUTION_HEADER = '# %% tags=["solution"] jupyter={"source_hidden": true}'


def test_every_coding_exercise_is_asked_with_a_stub_and_has_a_hidden_solution(root):
    sources = "".join(p.read_text(encoding="utf-8") for p in (root / "notebooks" / "src").glob("*.py"))
    cells = sources.split("\n# %%")
    for exercise_id, exercise in registered_coding().items():
        name = exercise.signature.split("(")[0]
        stub = f"def {exercise.signature}:\n    ...\n"
        asked = [c for c in cells if stub in c and f'check_code("{exercise_id}", {name}, LANG)' in c]
        solved = [c for c in cells if f'verify_code("{exercise_id}", solution)' in c]
        assert len(asked) == 1, exercise_id
        assert len(solved) == 1 and ("# %%" + solved[0]).startswith(SOLUTION_HEADER), exercise_id
        assert f'hint("{exercise_id}", LANG, step=1)' in sources, exercise_id


def test_a_check_leaves_the_random_state_alone(capsys):
    from course_utils.exercises.coding import _CASES, check_code
    _CASES.pop("06.4", None)
    state = torch.get_rng_state()
    check_code("06.4", decoder_step, "en")
    check_code("07.5", generator, "ko")
    assert torch.equal(state, torch.get_rng_state())
    assert capsys.readouterr().out.count("✅") == 2


def test_verify_code_is_silent_for_a_right_solution_and_raises_for_a_wrong_one(capsys):
    from course_utils.exercises import WrongSolution
    from course_utils.exercises.coding import verify_code

    verify_code("08.4", pixel_shuffle)
    assert capsys.readouterr().out == ""
    with pytest.raises(WrongSolution, match="08.4"):
        verify_code("08.4", lambda x, r: x)


FORBIDDEN_USES = [
    ("02.5", lambda x, weight, stride: F.conv_transpose2d(x, weight, stride=stride), "F.conv_transpose2d"),
    ("02.5", lambda x, weight, stride: torch.conv_transpose2d(x, weight, stride=stride), "torch.conv_transpose2d"),
    ("08.4", lambda x, r: F.pixel_shuffle(x, r), "F.pixel_shuffle"),
    ("08.4", lambda x, r: nn.PixelShuffle(r)(x), "nn.PixelShuffle"),
    ("11.3", lambda x, weight, stride, padding: F.conv_transpose1d(x, weight, stride=stride, padding=padding),
     "F.conv_transpose1d"),
    ("11.3", lambda x, weight, stride, padding: nn.functional.conv_transpose1d(x, weight, stride=stride,
                                                                             padding=padding),
     "F.conv_transpose1d"),
]

ORIGINALS = {"F.conv_transpose1d": F.conv_transpose1d, "F.conv_transpose2d": F.conv_transpose2d,
             "F.pixel_shuffle": F.pixel_shuffle, "torch.pixel_shuffle": torch.pixel_shuffle,
             "torch.conv_transpose1d": torch.conv_transpose1d, "torch.conv_transpose2d": torch.conv_transpose2d,
             "nn.PixelShuffle": nn.PixelShuffle}


def _restored():
    now = {"F.conv_transpose1d": F.conv_transpose1d, "F.conv_transpose2d": F.conv_transpose2d,
           "F.pixel_shuffle": F.pixel_shuffle, "torch.pixel_shuffle": torch.pixel_shuffle,
           "torch.conv_transpose1d": torch.conv_transpose1d, "torch.conv_transpose2d": torch.conv_transpose2d,
           "nn.PixelShuffle": nn.PixelShuffle}
    return all(now[k] is ORIGINALS[k] for k in ORIGINALS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("exercise_id, submission, name", FORBIDDEN_USES)
def test_a_forbidden_call_is_named_in_the_learners_language(exercise_id, submission, name, lang):
    verdict = evaluate(exercise_id, submission)
    assert verdict.kind == "forbidden" and verdict.case_index == 0 and verdict.values == {"name": name}
    text = feedback_code(exercise_id, submission, lang)
    case = cases_of(registered_coding()[exercise_id])[0]
    where = message("coding.case", lang, number=1, total=len(cases_of(registered_coding()[exercise_id])),
                    settings=", ".join(f"{k}={tuple(v.shape) if isinstance(v, torch.Tensor) else repr(v)}"
                                       for k, v in case.settings.items()))
    assert text.splitlines()[0] == message("coding.forbidden", lang, case=where, name=name)
    assert _restored()


def test_exercises_that_say_without_forbid_those_functions():
    known = registered_coding()
    assert "torch.nn.functional.conv_transpose2d" in known["02.5"].forbidden
    assert {"torch.nn.functional.pixel_shuffle", "torch.nn.PixelShuffle"} <= set(known["08.4"].forbidden)
    assert "torch.nn.functional.conv_transpose1d" in known["11.3"].forbidden
    from course_utils.exercises.coding import _resolve
    for exercise in known.values():
        for dotted in exercise.forbidden:
            _resolve(dotted)


def test_the_forbidden_functions_are_back_after_a_timeout_and_an_error():
    seen = []

    def endless(*args):
        seen.append(F.conv_transpose1d is ORIGINALS["F.conv_transpose1d"])
        while True:
            pass

    def broken(*args):
        raise RuntimeError("the learner's bug")

    assert evaluate("11.3", endless, time_limit=0.3).kind == "timeout"
    assert seen == [False] and _restored()
    assert evaluate("11.3", broken).kind == "raised" and _restored()


def test_expected_values_are_computed_outside_the_forbidding_window():
    from course_utils.exercises import coding
    for exercise_id in ("02.5", "08.4", "11.3"):
        coding._CASES.pop(exercise_id, None)
        assert evaluate(exercise_id, RIGHT[exercise_id]).kind == "correct"
    assert _restored()
