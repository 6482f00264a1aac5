// Every screen, by address: the one list the router matches, and the one that
// tests/browser/test_screens.py holds against the server's page routes in server/shell/pages.py.
// `nav` names the navigation link marked as the current page; a `live` screen shows records or the catalogue
// only (no work in progress) and is drawn again when a pull or a new catalogue changes them (router.refresh). A screen whose code is in a screen
// bundle (server/shell/assets.py SCREEN_JS) names the bundle and the view it defines instead of a view.
(function (steady) {
  'use strict';
  const { views } = steady;

  steady.screens = [
    { path: '/', view: views.home, nav: 'home', live: true },
    { path: '/exercises', view: views.exerciseList, nav: 'exercises', live: true },
    { path: '/exercises/:slug', view: views.exerciseCard, nav: 'exercises', live: true },
    { path: '/routines', view: views.routineList, nav: 'routines', live: true },
    { path: '/routines/new', bundle: 'editor', viewName: 'routineEditor', nav: 'routines' },
    { path: '/routines/:slug', view: views.routineDetail, nav: 'routines', live: true },
    { path: '/programs', bundle: 'programs', viewName: 'programList', nav: 'routines', live: true },
    { path: '/programs/:slug', bundle: 'programs', viewName: 'programDetail', nav: 'routines', live: true },
    { path: '/routines/:ref/play', bundle: 'player', viewName: 'player', nav: 'routines' },
    { path: '/routines/:id/edit', bundle: 'editor', viewName: 'routineEditor', nav: 'routines' },
    { path: '/log', bundle: 'log', viewName: 'sessionLog', nav: 'log' },
    { path: '/history', view: views.historyList, nav: 'history', live: true },
    { path: '/history/:id', bundle: 'log', viewName: 'sessionDetail', nav: 'history', live: true },
    { path: '/history/:id/edit', bundle: 'log', viewName: 'sessionLog', nav: 'history' },
    { path: '/settings', bundle: 'settings', viewName: 'settings', nav: 'settings', live: true },
    { path: '/storage', bundle: 'storage', viewName: 'storage', nav: 'storage' },
    { path: '/coming-back', bundle: 'guide', viewName: 'comingBack', nav: 'exercises' },
    { path: '/plan', bundle: 'plan', viewName: 'plan', nav: 'plan', live: true },
    { path: '/progress', bundle: 'progress', viewName: 'progress', nav: 'progress', live: true },
    { path: '/login', bundle: 'account', viewName: 'login', nav: 'account' },
    { path: '/register', bundle: 'account', viewName: 'register', nav: 'account' },
    { path: '/reset', bundle: 'account', viewName: 'requestReset', nav: 'account' },
    { path: '/reset/:token', bundle: 'account', viewName: 'chooseReset', nav: 'account' },
    { path: '/account', bundle: 'account', viewName: 'account', nav: 'account' },
    { path: '/coach', bundle: 'coach', viewName: 'studio', nav: 'coach' },
    { path: '/coach/exercises/new', bundle: 'coach', viewName: 'studioExercise', nav: 'coach' },
    { path: '/coach/exercises/:slug', bundle: 'coach', viewName: 'studioExercise', nav: 'coach' },
    { path: '/coach/routines/new', bundle: 'coach', viewName: 'studioRoutine', nav: 'coach' },
    { path: '/coach/routines/:slug', bundle: 'coach', viewName: 'studioRoutine', nav: 'coach' },
    { path: '/coach/programs/new', bundle: 'coach', viewName: 'studioProgram', nav: 'coach' },
    { path: '/coach/programs/:slug', bundle: 'coach', viewName: 'studioProgram', nav: 'coach' },
  ];
})(globalThis.steady);
