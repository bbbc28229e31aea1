import type { RouteObject } from 'react-router';
import { EditProfilePage } from './EditProfilePage.tsx';
import { NewProfilePage } from './NewProfilePage.tsx';
import { ProfilePage } from './ProfilePage.tsx';
import { ProfilesPage } from './ProfilesPage.tsx';

export const profileRoutes: RouteObject[] = [
  { path: 'profiles', element: <ProfilesPage /> },
  { path: 'profiles/new', element: <NewProfilePage /> },
  { path: 'profiles/:id', element: <ProfilePage /> },
  { path: 'profiles/:id/edit', element: <EditProfilePage /> },
];
