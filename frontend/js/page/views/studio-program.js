// The studio's program page (/coach/programs/<slug>, /coach/programs/new): its weeks, each week's
// sessions and their doses, and a preview drawn by the runner's own program page code.
(function (steady) {
  'use strict';

  /** What the form picks from: the catalogue runners are served (a session names one of its routines);
   * and the programs bundle, whose program page draws the preview. */
  async function programChoices() {
    const served = await steady.studioApi.servedCatalog();
    await steady.screenBundles.loadScreenBundle('programs');
    return { served };
  }

  /** The program page; no slug: a new program. */
  function studioProgram(context) {
    const { slug } = context.params;
    return steady.components.studioItemPage(context, {
      kind: 'program', slug, newTitle: 'New program',
      references: programChoices,
      makeForm: steady.coachForms.programForm,
      preview: (body, item, { served }) => steady.views['programPreview'](body, served), // defined by the programs bundle, loaded above
      extra: () => null,
    });
  }

  steady.views.studioProgram = studioProgram;
})(globalThis.steady);
