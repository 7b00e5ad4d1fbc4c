import {
  Button,
  Label,
  LabelGroup,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  PageToggleButton,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import SignOutAltIcon from '@patternfly/react-icons/dist/esm/icons/sign-out-alt-icon';
import UserIcon from '@patternfly/react-icons/dist/esm/icons/user-icon';
import type { AnchorHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { SIGN_OUT_URL, useCurrentUser } from '../auth/currentUser';
import { TenantPicker } from './TenantPicker';

function HomeLink(props: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <Link {...props} to="/" />;
}

export function AppMasthead({ tenantId }: { tenantId: string | undefined }) {
  const { t } = useTranslation();
  const user = useCurrentUser();

  return (
    <Masthead>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton isHamburgerButton aria-label={t('masthead.toggleNavigation')} />
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo component={HomeLink}>
            <strong>{t('app.name')}</strong>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            {user.platform && (
              <ToolbarItem>
                <TenantPicker currentTenantId={tenantId} />
              </ToolbarItem>
            )}
            <ToolbarGroup align={{ default: 'alignEnd' }} alignItems="center" aria-label={t('masthead.userToolbar')}>
              <ToolbarItem>
                <span title={[user.name, user.email].filter(Boolean).join(' · ') || undefined}>
                  <UserIcon /> <span className="pf-v6-screen-reader">{t('masthead.signedInAs')} </span>
                  <strong data-testid="current-username">{user.username}</strong>
                </span>
              </ToolbarItem>
              <ToolbarItem visibility={{ default: 'hidden', md: 'visible' }}>
                <LabelGroup categoryName={t('masthead.roles')} numLabels={2} data-testid="current-roles">
                  {user.roles.map((role) => (
                    <Label key={role} isCompact color="blue">
                      {t(`roles.${role}`)}
                    </Label>
                  ))}
                </LabelGroup>
              </ToolbarItem>
              <ToolbarItem>
                {/* A full page load: the service ends the session and the identity provider's with it. */}
                <Button
                  component="a"
                  href={SIGN_OUT_URL}
                  variant="link"
                  icon={<SignOutAltIcon />}
                  data-testid="sign-out"
                >
                  {t('masthead.signOut')}
                </Button>
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
}
