import type { RouteObject } from 'react-router';
import { Permitted } from '../app/Permitted.tsx';
import { SuggestionsPage } from './SuggestionsPage.tsx';

export const suggestionRoutes: RouteObject[] = [
  { path: 'suggestions', element: <Permitted permission="suggestions.post"><SuggestionsPage /></Permitted> },
];
