import type { ReactNode } from 'react';
import { Box, Center, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle, useFocusOnNavigation } from './Page.tsx';
import classes from './PublicLayout.module.css';

interface Props {
  title: string;
  children: ReactNode;
  /** Wider for pages with more to read, such as setting up an authenticator. */
  width?: number;
}

/** Pages used before signing in: a centred card with the one heading. */
export function PublicLayout({ title, children, width = 440 }: Props) {
  useDocumentTitle(title);
  const headingRef = useFocusOnNavigation<HTMLHeadingElement>();
  return (
    <Box className={classes.page}>
      <Box component="header" className={classes.header}>
        <Container size="lg" py="md">
          <Text fw={700} fz="xl">
            Concord
          </Text>
        </Container>
      </Box>
      <Center component="main" id="main" px="md" py="xl">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={width}>
          <Stack gap="lg">
            <Title order={1} ref={headingRef} tabIndex={-1} className={classes.heading}>
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
