// Measures the slide reveal.js shows now (page.evaluate(thisFile)): what sticks out of the 1280×720 slide, the
// smallest body and code/table font and figure label as projected at 1280×720, and how tall the slide's content is.
() => {
  const scale = Reveal.getScale();
  const config = Reveal.getConfig();
  // Font sizes as projected on a 1280×720 screen: slide pixels times the scale reveal.js uses there.
  const toSlide = Math.min(1280 / (config.width * (1 + config.margin)), 720 / (config.height * (1 + config.margin)));
  const section = Reveal.getCurrentSlide();
  const frame = section.querySelector('.deck-frame');
  const body = section.querySelector('.deck-body');
  const box = el => el.getBoundingClientRect();
  const top = box(frame).top, left = box(frame).left;
  const px = value => value / scale; // screen pixels back to slide pixels
  const problems = [];
  // Content stays inside the slide, above the slide number and the arrows (the bottom 36 px).
  const limitRight = box(frame).right + 0.5, limitBottom = top + (config.height - 36) * scale + 0.5;
  let contentBottom = 0;
  for (const el of [frame.querySelector('h1, h2'), ...body.children]) {
    if (!el) continue;
    const r = box(el);
    contentBottom = Math.max(contentBottom, px(r.bottom - top));
    if (r.bottom > limitBottom) problems.push(`${el.tagName.toLowerCase()}.${el.className} ends ${Math.round(px(r.bottom - limitBottom))} px below the slide`);
    if (r.top < top - 0.5) problems.push(`${el.tagName.toLowerCase()}.${el.className} starts ${Math.round(px(top - r.top))} px above the slide`);
  }
  for (const el of section.querySelectorAll('.deck-frame *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || el.closest('mjx-assistive-mml')) continue;
    const r = box(el);
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > limitRight) problems.push(`${el.tagName.toLowerCase()}.${el.className} ends ${Math.round(px(r.right - limitRight))} px right of the slide`);
    if (['PRE', 'TABLE', 'P', 'LI', 'TD', 'TH', 'DIV', 'H1', 'H2'].includes(el.tagName) &&
        el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') {
      problems.push(`${el.tagName.toLowerCase()}.${el.className} cuts ${el.scrollWidth - el.clientWidth} px of its width`);
    }
    if (el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'visible' && el.clientHeight > 0) {
      problems.push(`${el.tagName.toLowerCase()}.${el.className} cuts ${el.scrollHeight - el.clientHeight} px of its height`);
    }
  }
  const texts = {body: [], code: []};
  const walker = document.createTreeWalker(frame, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (el.closest('mjx-container, h1, h2, .deck-cont')) continue;
    const size = parseFloat(getComputedStyle(el).fontSize) * toSlide;
    (el.closest('pre, table, code') ? texts.code : texts.body).push(size);
  }
  // Figure labels as projected at 1280×720: the smallest font of the PNG at its natural size (data-text-px,
  // recorded when the notebook drew it) times the scale the slide shows the picture at (object-fit: contain).
  const figures = [];
  for (const img of section.querySelectorAll('img')) {
    if (!(img.complete && img.naturalWidth > 0)) problems.push('an image did not load');
    const r = box(img), natW = +img.dataset.width, natH = +img.dataset.height;
    if (!img.dataset.textPx) { figures.push(null); continue; }
    const shown = Math.min(px(r.width) / natW, px(r.height) / natH);
    figures.push(+img.dataset.textPx * shown * toSlide);
  }
  return {
    index: Reveal.getIndices().h,
    problems: [...new Set(problems)],
    minBody: texts.body.length ? Math.min(...texts.body) : null,
    minCode: texts.code.length ? Math.min(...texts.code) : null,
    minFigure: figures.filter(f => f !== null).length ? Math.min(...figures.filter(f => f !== null)) : null,
    unmeasuredFigures: figures.filter(f => f === null).length,
    height: Math.round(contentBottom),
    notes: !!(section.querySelector('aside.notes') && section.querySelector('aside.notes').textContent.trim()),
    content: section.classList.contains('has-blocks'),
    vertical: Reveal.getVerticalSlides ? document.querySelectorAll('.slides > section > section').length : 0,
  };
}
