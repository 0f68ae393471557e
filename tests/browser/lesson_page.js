// Helpers the browser tests install in every JupyterLab page (page.add_init_script) as window.lessonPage.
// They use `window.jupyterapp`, which the test server exposes (--LabApp.expose_app_in_browser).
window.lessonPage = (() => {
  const WIDGET_MIME = 'application/vnd.jupyter.widget-view+json';
  let panel = null; // the notebook under test
  let state = {phase: 'idle'}; // of start(): opening, running, done (with result or error) and the seconds taken

  const kernel = () => panel.sessionContext.session.kernel;
  const joined = value => (Array.isArray(value) ? value.join('') : value || '');

  // The cell's own output nodes, not those nested in an Output widget.
  const ownOutputs = cell =>
    Array.from(cell.outputArea.node.querySelectorAll('.jp-OutputArea-output'))
      .filter(node => node.closest('.jp-OutputArea') === cell.outputArea.node);

  // Text outside code and math: where words must be in the notebook's language and emphasis must be closed.
  const prose = node => {
    const copy = node.cloneNode(true);
    copy.querySelectorAll('mjx-container, .MathJax, .jp-InternalAnchorLink').forEach(n => n.remove());
    copy.querySelectorAll('code, pre').forEach(n => n.replaceWith('`…`'));
    return copy.textContent;
  };

  // The words a widget shows as labels and HTML (an explorer's <pre> result text excluded): no markdown there.
  const widgetLabels = node =>
    Array.from(node.querySelectorAll('.widget-html-content, .widget-label, .widget-radio-box label, button'))
      .map(n => {
        const copy = n.cloneNode(true);
        copy.querySelectorAll('pre').forEach(p => p.remove());
        return copy.textContent.trim();
      })
      .filter(Boolean);

  // "**…**" left as text: CommonMark does not close emphasis after punctuation when a letter follows, as in
  // **`code`**는 or **"quote"**라고 (Korean particles); moving the ** or rewording fixes it.
  const literalStars = text => {
    const at = text.indexOf('**');
    return at < 0 ? [] : ['a literal ** is shown (emphasis not closed): '
                          + JSON.stringify(text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, ' '))];
  };

  return {
    async appReady() {
      await window.jupyterapp.restored;
      return true;
    },

    // Open the notebook, wait for its kernel, Run All (unless `run` is false: then it shows its stored outputs);
    // the caller polls state() meanwhile (so that the tests can look at one notebook while the next one runs in
    // another page).
    start(path, run = true) {
      const began = performance.now();
      const seconds = () => Math.round((performance.now() - began) / 100) / 10;
      state = {phase: 'opening', path};
      (async () => {
        panel = await window.jupyterapp.commands.execute('docmanager:open', {path, factory: 'Notebook'});
        await panel.context.ready;
        await panel.sessionContext.ready;
        if (!run) {
          await panel.revealed;
          state = {...state, phase: 'done', result: 'stored outputs', open: seconds(), run: 0};
          return;
        }
        while (!(panel.sessionContext.session && panel.sessionContext.session.kernel && kernel().status === 'idle')) {
          await new Promise(resolve => setTimeout(resolve, 200));
        }
        state = {...state, phase: 'running', open: seconds()};
        const result = await this.runAll();
        state = {...state, phase: 'done', result, run: seconds() - state.open};
      })().catch(err => {
        state = {...state, phase: 'done', error: String(err && err.stack || err)};
      });
      return true;
    },

    state: () => state,

    // Run All as the menu does, then wait until the kernel has worked through its whole queue: a silent empty
    // request sent after the cells finishes last. (Run All resolves early when a raises-exception cell fails.)
    async runAll() {
      let result;
      try {
        result = await window.jupyterapp.commands.execute('notebook:run-all-cells');
      } catch (err) {
        result = String(err);
      }
      await kernel().requestExecute({code: '', silent: true, store_history: false}).done;
      return result;
    },

    widgetsSettled: () => !Array.from(panel.node.querySelectorAll('.jp-OutputArea-output'))
      .some(node => node.innerText.includes('Loading widget...')),

    // Resolve once the notebook's DOM has not changed for `quietMs` (widget views render after their output
    // arrives), or after `maxMs` at the latest; returns whether it became quiet.
    domQuiet(quietMs, maxMs) {
      return new Promise(resolve => {
        let timer = null;
        const done = quiet => {
          observer.disconnect();
          clearTimeout(timer);
          clearTimeout(limit);
          resolve(quiet);
        };
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(() => done(true), quietMs);
        });
        observer.observe(panel.node, {subtree: true, childList: true, characterData: true, attributes: true});
        timer = setTimeout(() => done(true), quietMs);
        const limit = setTimeout(() => done(false), maxMs);
      });
    },

    report() {
      return panel.content.widgets.map((cell, index) => {
        const model = cell.model;
        const info = {index, type: model.type, tags: model.getMetadata('tags') || [],
                      source: model.sharedModel.getSource()};
        if (model.type === 'code') {
          info.executionCount = model.executionCount;
          info.visibleText = cell.node.innerText;  // what the learner can read in the cell (hidden parts excluded)
          info.outputs = model.outputs.toJSON().map(out => ({
            type: out.output_type, name: out.name || null, ename: out.ename || null, evalue: out.evalue || null,
            text: joined(out.text).slice(0, 500), mimes: Object.keys(out.data || {}),
            modelId: ((out.data || {})[WIDGET_MIME] || {}).model_id || null,
          }));
          const own = ownOutputs(cell);
          own.forEach((node, number) => node.setAttribute('data-lesson-output', `${index}-${number}`));
          info.rendered = own.map(node => ({
            mime: node.getAttribute('data-mime-type'),
            text: node.innerText.slice(0, 500),
            widgets: node.querySelectorAll('.jupyter-widgets').length,
            height: node.getBoundingClientRect().height,
            images: Array.from(node.querySelectorAll('img')).map(img => [img.naturalWidth, img.naturalHeight]),
            markdownInWidgets: widgetLabels(node).filter(text => /`[^`\n]+`/.test(text)),
          }));
        } else {
          const rendered = cell.node.querySelector('.jp-RenderedMarkdown');
          info.headings = Array.from(cell.node.querySelectorAll('.jp-RenderedMarkdown :is(h1, h2, h3, h4, h5, h6)'))
            .map(h => ({text: h.innerText.replace(/¶$/, '').trim(), prose: prose(h)}));
          info.problems = [
            ...Array.from(cell.node.querySelectorAll('.jp-RenderedMarkdown :is(del, s, strike)'))
              .map(n => 'struck through (two ~ read as strikethrough?): ' + JSON.stringify(n.textContent)),
            ...Array.from(cell.node.querySelectorAll('.jp-RenderedMarkdown :is(mjx-merror, .MathJax_Error)'))
              .map(n => 'math error: ' + JSON.stringify(n.textContent)),
            ...(rendered ? literalStars(prose(rendered)) : []),
          ];
        }
        return info;
      });
    },

    // Characters drawn as missing-glyph boxes ("tofu"): each non-ASCII character of the prose and outputs under
    // `root` is drawn with its element's font and compared with U+10FFFD, which no font has.
    missingGlyphs(rootSelector, textSelector) {
      const root = rootSelector ? document.querySelector(rootSelector) : panel.content.node;
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const ctx = canvas.getContext('2d', {willReadFrequently: true});
      const draw = (ch, font) => {
        ctx.clearRect(0, 0, 48, 48);
        ctx.font = '32px ' + font;
        ctx.fillText(ch, 4, 38);
        return ctx.getImageData(0, 0, 48, 48).data.join(',');
      };
      const byFont = new Map();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || !element.closest(textSelector) || element.closest('mjx-container, style, script')) continue;
        const font = getComputedStyle(element).fontFamily;
        if (!byFont.has(font)) byFont.set(font, new Set());
        for (const ch of node.textContent) {
          if (ch.codePointAt(0) > 0x7e && !/[\s\p{M}\p{Cf}\p{Cc}]/u.test(ch)) byFont.get(font).add(ch);
        }
      }
      const missing = [];
      let checked = 0;
      for (const [font, chars] of byFont) {
        const tofu = draw('\u{10FFFD}', font);
        for (const ch of chars) {
          checked += 1;
          if (draw(ch, font) === tofu) {
            missing.push({ch, code: 'U+' + ch.codePointAt(0).toString(16).toUpperCase(), font});
          }
        }
      }
      return {checked, missing};
    },

    scroller: () => panel.content.node.querySelector('.jp-WindowedPanel-outer') || panel.content.node,

    // A Python expression evaluated in the kernel (no output, no history); its repr, or the error.
    async kernelExpression(expression) {
      const reply = await kernel().requestExecute({code: '', silent: true, store_history: false,
                                                   user_expressions: {value: expression}}).done;
      const value = reply.content.user_expressions.value;
      return value.status === 'ok' ? {value: value.data['text/plain']} : {error: `${value.ename}: ${value.evalue}`};
    },

    // What a widget output shows as its result: an explorer's text view (HTML with a <pre>), else all its text.
    widgetText: node => Array.from(node.querySelectorAll('.widget-html-content > pre'))
      .map(n => n.innerText).join('\n').trim() || node.innerText.trim(),

    // Stop the kernel and close the notebook without saving (the tests never write notebooks).
    async close() {
      state = {phase: 'idle'};
      if (!panel) return;
      const closing = panel;
      panel = null;
      try {
        await closing.sessionContext.shutdown();
      } finally {
        closing.dispose();
      }
    },
  };
})();
