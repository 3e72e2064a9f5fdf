import { describe, expect, it } from 'vitest';
import { projectsMessage } from '../../../../../src/slack/listeners/commands/chatdash/projects.ts';

describe('projectsMessage', () => {
  it('lists each visible project by key and escaped name, with an example', () => {
    const message = projectsMessage([
      { key: 'acme', id: 'p1', name: 'Acme <Support> & Co' },
      { key: 'bella', id: 'p2', name: 'Bella' },
    ]);
    expect(message).toEqual({
      response_type: 'ephemeral',
      text: '*Projects you can look at from here*\n\u2022 `acme`: Acme &lt;Support&gt; &amp; Co\n\u2022 `bella`: Bella\nTry `/chatdash stats acme last week`.',
    });
  });
});
