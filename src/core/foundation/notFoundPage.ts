import { renderPage } from './pageLayout.js';

/** The 404 of the public pages: says what is missing and where to look instead. */
export function renderNotFoundPage(): string {
  return renderPage({
    title: 'No such group',
    summary: 'There is no group at this address.',
    main: [
      '<h1>No such group</h1>',
      '<p>There is no working group at this address. It may have been renamed or retired.</p>',
      '<p><a href="/">See all working groups</a></p>',
    ].join('\n'),
  });
}
