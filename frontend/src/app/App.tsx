import { BrowserRouter, Route, Routes } from 'react-router';

import { CurrentUserProvider } from '../auth/CurrentUserProvider';
import { routes } from '../routes';
import { AppLayout } from './AppLayout';
import { HomeRedirect } from './HomeRedirect';
import { NotFoundPage } from './NotFoundPage';
import { RoutePage } from './RoutePage';

export function App() {
  return (
    <BrowserRouter>
      <CurrentUserProvider>
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<HomeRedirect />} />
            {routes.map((route) => (
              <Route key={route.path} path={route.path} element={<RoutePage route={route} />} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </CurrentUserProvider>
    </BrowserRouter>
  );
}
