// One exercise card: why, how, what to avoid, kit and what to use instead, and where to go next.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { TAGS, EQUIPMENT, SURFACES, prescription } = steady.labels.catalog;

  function variationItem(variation, catalog) {
    const target = variation.exercise && catalog.exercise.get(variation.exercise);
    let lead = null;
    if (target) lead = h('a', { href: `/exercises/${target.slug}` }, target.name);
    else if (variation.surface) lead = h('strong', {}, `On ${SURFACES[variation.surface]}`);
    else if (variation.eyes) lead = h('strong', {}, 'Eyes closed');
    else if (variation.footwear) lead = h('strong', {}, 'Barefoot');
    return h('li', {}, lead, lead ? ': ' : '', variation.note);
  }

  /** The looping, muted demonstration; with reduced motion, the poster and a play button instead;
   * before a coach has filmed it, a line saying it is coming. */
  function demonstration(exercise) {
    const clip = exercise.video;
    if (!clip) return steady.components.catalogueNotes.clipComing();
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const video = h('video', {
      class: 'clip-video', src: clip.src, poster: clip.poster, width: clip.width, height: clip.height,
      muted: true, loop: true, playsinline: true, controls: true, autoplay: !still, preload: still ? 'none' : 'auto',
      'aria-label': `Demonstration of ${exercise.name}`, 'data-origin': clip.origin,
    });
    steady.components.clipUnsaved.standInWhenUnsaved(video, clip, exercise.slug);
    video.muted = true; // the property, not just the attribute, is what autoplay policies check
    const play = still ? h('button', {
      type: 'button', class: 'clip-play', 'aria-label': `Play the ${exercise.name} demonstration`,
      onclick: () => { play.remove(); video.play().catch(() => undefined); },
    }, '▶') : null;
    const caption = clip.side && clip.side !== 'both'
      ? `Shown on the ${clip.side} side; mirror it for the other side.` : null;
    return h('figure', { class: 'clip' }, h('div', { class: 'clip-frame' }, video, play), caption ? h('figcaption', {}, caption) : null);
  }

  function section(id, title, ...content) {
    return h('section', { class: 'card-section', 'aria-labelledby': id }, h('h2', { id }, title), ...content);
  }

  /** When to stop, the same on every card (so it is written once, here, not in each card's content). */
  function stopBlock() {
    return h('aside', { class: 'stop', 'aria-label': 'When to stop' },
      h('p', {}, h('strong', {}, 'Stop '), 'if you feel sharp pain, pain in a joint, or dizziness. Working muscles may burn; joints should not hurt. ',
        h('a', { href: '/coming-back' }, 'Coming back from injury?')));
  }

  /** The card's article; `device` adds what reads or saves this device's own data (level, saving for offline, a workout to resume). */
  function cardArticle(exercise, catalog, { device }) {
    const kit = exercise.equipment.length
      ? h('ul', {}, exercise.equipment.map((e) => h('li', {},
        h('strong', {}, EQUIPMENT[e.item]), e.optional ? ' (optional)' : '',
        e.substitute ? ` — no ${EQUIPMENT[e.item].toLowerCase()}? ${e.substitute}` : '')))
      : h('p', {}, 'None: just you and some floor space.');
    const sources = exercise.sources.map((key) => catalog.source.get(key)).filter(Boolean);

    return h('article', { class: 'page exercise' },
      device ? steady.components.resumeWorkout() : null,
      h('header', { class: 'exercise-head' },
        h('p', { class: 'eyebrow' }, exercise.tags.map((t) => TAGS[t]).join(' · ')),
        h('h1', {}, exercise.name),
        h('p', { class: 'dose' }, h('span', { class: 'visually-hidden' }, 'Default dose: '), prescription(exercise)),
        h('p', { class: 'lead' }, exercise.summary),
        steady.components.catalogueNotes.retiredNote(exercise)),
      demonstration(exercise),
      device ? [
        steady.components.saveOffline.saveOfflineControl({
          key: `exercise:${exercise.slug}`, kind: 'exercise', slug: exercise.slug, title: exercise.name,
          urls: steady.components.saveOffline.clipUrls([exercise]),
        }),
        steady.components.levelPanel.levelPanel(exercise),
        steady.components.asymmetryLine.asymmetryLine(exercise)] : null,
      section('card-steps', 'How to do it', h('ol', { class: 'steps' }, exercise.steps.map((s) => h('li', {}, s)))),
      h('aside', { class: 'tip', 'aria-label': 'Top tip' }, h('p', {}, h('strong', {}, 'Top tip: '), exercise.top_tip)),
      stopBlock(),
      section('card-avoid', 'Avoid', h('ul', { class: 'faults' }, exercise.faults.map((f) => h('li', {}, f)))),
      section('card-muscles', 'Muscles worked', h('p', {}, exercise.muscles.join(', '))),
      section('card-kit', 'Equipment', kit),
      exercise.easier.length ? section('card-easier', 'Make it easier', h('ul', {}, exercise.easier.map((v) => variationItem(v, catalog)))) : null,
      exercise.harder.length ? section('card-harder', 'Make it harder', h('ul', {}, exercise.harder.map((v) => variationItem(v, catalog)))) : null,
      sources.length ? h('footer', { class: 'source' }, 'Based on: ', sources.map((s, i) => [i ? '; ' : '', h('cite', {}, s.title), ` (${s.author})`])) : null);
  }

  function exerciseCard({ catalog, params }) {
    const exercise = catalog.exercise.get(params.slug);
    if (!exercise) return steady.views.notFound();
    return { title: exercise.name, node: cardArticle(exercise, catalog, { device: true }) };
  }

  /** The card of an exercise that is not in the catalogue yet (a studio draft), as a runner will see it. */
  function exercisePreview(exercise, catalog) {
    return cardArticle(exercise, catalog, { device: false });
  }

  steady.views.exerciseCard = exerciseCard;
  steady.views.exercisePreview = exercisePreview;
})(globalThis.steady);
