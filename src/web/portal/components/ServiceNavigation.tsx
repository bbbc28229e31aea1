import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Link } from './Link.tsx';

// GOV.UK's tablet breakpoint (641px), where the menu stops folding away.
const wide = window.matchMedia('(min-width: 40.0625em)');
const subscribe = (onChange: () => void) => {
  wide.addEventListener('change', onChange);
  return () => wide.removeEventListener('change', onChange);
};
const useWide = () => useSyncExternalStore(subscribe, () => wide.matches);

export interface NavigationItem {
  to: string;
  text: string;
}

/**
 * GOV.UK's service navigation, in React so that the phone's Menu closes when a page is chosen
 * (GOV.UK's script expects a new page load to do that). `key` it by the path.
 */
export function ServiceNavigation({ serviceName, items, end }: { serviceName: string; items: NavigationItem[]; end?: ReactNode }) {
  const { pathname } = useLocation();
  const isWide = useWide();
  const [open, setOpen] = useState(false);
  return (
    <section aria-label="Service information" className="govuk-service-navigation govuk-!-display-none-print">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            {items.length > 0 ? <Link to="/portal" className="govuk-service-navigation__link">{serviceName}</Link> : <span className="govuk-service-navigation__text">{serviceName}</span>}
          </span>
          {items.length > 0 && (
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <button
                type="button"
                className="govuk-service-navigation__toggle"
                aria-controls="navigation"
                aria-expanded={open}
                hidden={isWide}
                onClick={() => setOpen(!open)}
              >
                Menu
              </button>
              <ul className="govuk-service-navigation__list" id="navigation" hidden={!isWide && !open}>
                {items.map((item) => {
                  const current = pathname === item.to;
                  return (
                    <li key={item.to} className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
                      <Link to={item.to} className="govuk-service-navigation__link" aria-current={current ? 'page' : undefined}>
                        {current ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                      </Link>
                    </li>
                  );
                })}
                {end && <li className="govuk-service-navigation__item">{end}</li>}
              </ul>
            </nav>
          )}
        </div>
      </div>
    </section>
  );
}
