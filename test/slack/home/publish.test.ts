/** Publishing a person's App Home: every section for them, a failing one said in its place, another workspace refused. */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../../src/config/access.ts';
import { HOME_SECTION_FAILED, publishHome } from '../../../src/slack/home/publish.ts';
import type { HomeSectionSource } from '../../../src/slack/home/sections.ts';
import { validateView } from '../../../src/slack-double/validate.ts';
import { createMemoryStore } from '../../../src/store/memory.ts';
import { demoConfig } from '../../support/config.ts';
import { fakeClient } from '../../support/listeners.ts';
import { recordingLog } from '../../support/log.ts';
import { allText } from '../../support/slack-messages.ts';

const works: HomeSectionSource = {
  id: 'works',
  title: 'Works',
  build: async (home) => ({ id: 'works', title: 'Works', rows: [], empty: `for ${home.userId}, admin: ${home.actor.isAdmin}` }),
};
const breaks: HomeSectionSource = {
  id: 'breaks',
  title: 'Breaks',
  build: async () => {
    throw new Error('store down');
  },
};
const adminsOnly: HomeSectionSource = {
  id: 'admins',
  title: 'Admins',
  build: async (home) => (home.actor.isAdmin ? { id: 'admins', title: 'Admins', rows: [], empty: 'x' } : undefined),
};

function base(userId: string, teamId = 'T0DEMO') {
  const logged = recordingLog();
  return {
    logged,
    base: { config: demoConfig, store: createMemoryStore({ log: logged.log }), log: logged.log, now: () => new Date(), userId, teamId },
  };
}

describe('publishHome', () => {
  it('builds each section for the person; one that fails says so, the others stand', async () => {
    const { client, calls } = fakeClient();
    const { base: b, logged } = base('U0ALICE');
    await publishHome(b, client, { sources: [works, breaks, adminsOnly], notice: 'Hi' });
    const [call] = calls;
    expect(call?.method).toBe('views.publish');
    expect(call?.args.user_id).toBe('U0ALICE');
    expect(validateView(call?.args.view, 'home')).toEqual({ ok: true });
    const text = allText(call?.args.view as Record<string, unknown>);
    expect(text).toContain('for U0ALICE, admin: false');
    expect(text).toContain(HOME_SECTION_FAILED);
    expect(text).not.toContain('Admins');
    expect(logged.events('home.section_failed')).toHaveLength(1);
  });

  it('someone from a workspace the bot isn’t set up for sees only that', async () => {
    const { client, calls } = fakeClient();
    await publishHome(base('U0ALICE', 'T0OTHER').base, client, { sources: [works] });
    const text = allText(calls[0]?.args.view as Record<string, unknown>);
    expect(text).toContain(ACCESS_MESSAGES.workspace);
    expect(text).not.toContain('Works');
  });
});
