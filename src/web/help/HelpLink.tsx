import { useContext } from 'react';
import { Link, useLocation } from 'react-router';
import { Anchor, Menu } from '@mantine/core';
import { screenMatches } from '../../shared/api/help.ts';
import { can, MeContext } from '../app/session.ts';
import { useHelpArticles } from './api.ts';

/**
 * "How do I…" beside a page's heading: the articles written for this screen (their route
 * patterns match the path), one as a link, several as a menu. Nothing shows where none match or
 * for someone who may not read help.
 */
export function HelpLink() {
  const me = useContext(MeContext);
  const { pathname } = useLocation();
  const allowed = !!me && can(me, 'help.view');
  const articles = useHelpArticles(allowed);
  if (!allowed) return null;
  const matching = (articles.data?.items ?? []).filter((a) => a.screens.some((pattern) => screenMatches(pattern, pathname)));
  if (matching.length === 0) return null;
  if (matching.length === 1) {
    const [only] = matching;
    return (
      <Anchor component={Link} to={`/help/${only!.slug}`} size="sm" aria-label={`How do I… ${only!.title}`}>
        How do I…
      </Anchor>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      {/* Styled as the one-article link, which it replaces: no tint to fall below 4.5:1 when the pointer rests on it. */}
      <Menu.Target>
        <Anchor component="button" type="button" size="sm">
          How do I…
        </Anchor>
      </Menu.Target>
      <Menu.Dropdown>
        {matching.map((a) => (
          <Menu.Item key={a.slug} component={Link} to={`/help/${a.slug}`}>
            {a.title}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
