import { Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** The login page says what the product is (issue 17): its name and one line, above the sign-in form. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Box sx={{ px: 2, textAlign: 'center', maxWidth: 340 }} data-testid="login-product">
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {translate('qf.login.product')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {translate('qf.login.tagline')}
        </Typography>
      </Box>
      <LoginForm />
    </Login>
  );
};
