import type { ReactNode } from 'react';
import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { useNavigate } from 'react-router-dom';

/** A big number that opens the list it counts (`to`); `basis` is the card's flex-basis. */
export const CountCard = ({
  label,
  value,
  color,
  to,
  basis,
}: {
  label: string;
  value: ReactNode;
  color?: string;
  to: string;
  basis: string;
}) => {
  const navigate = useNavigate();
  return (
    <Card sx={{ flex: `1 1 ${basis}` }}>
      <CardActionArea onClick={() => navigate(to)}>
        <CardContent>
          <Typography color="text.secondary" variant="body2">
            {label}
          </Typography>
          <Typography variant="h4" sx={{ color }}>
            {value}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
