import type { RouteObject } from 'react-router';
import { Permitted } from '../app/Permitted.tsx';
import { ArticlePage } from './ArticlePage.tsx';
import { EditArticlePage } from './EditArticlePage.tsx';
import { HelpPage } from './HelpPage.tsx';
import { NewArticlePage } from './NewArticlePage.tsx';

export const helpRoutes: RouteObject[] = [
  { path: 'help', element: <Permitted permission="help.view"><HelpPage /></Permitted> },
  { path: 'help/new', element: <Permitted permission="help.manage"><NewArticlePage /></Permitted> },
  { path: 'help/:slug', element: <Permitted permission="help.view"><ArticlePage /></Permitted> },
  { path: 'help/:slug/edit', element: <Permitted permission="help.manage"><EditArticlePage /></Permitted> },
];
