import { Navigate, NavLink, Route, Routes } from "react-router";
import { useSession } from "./auth/session.tsx";
import { AccountScreen } from "./screens/account.tsx";
import { DiscoverScreen } from "./screens/discover.tsx";
import { JobsScreen } from "./screens/jobs.tsx";
import { OpsScreen } from "./screens/ops.tsx";
import { ResumesScreen } from "./screens/resumes.tsx";
import { RoastScreen } from "./screens/roast.tsx";
import { SignInScreen } from "./screens/sign-in.tsx";
import { TailoringScreen } from "./screens/tailoring.tsx";

export function App() {
  const { user, signOut, config } = useSession();
  if (!user) return <SignInScreen />;
  return (
    <>
      <header className="container">
        <nav aria-label="Main">
          <ul>
            <li>
              <strong>Hireloop</strong>
            </li>
          </ul>
          <ul>
            <li>
              <NavLink to="/resumes">Resumes</NavLink>
            </li>
            <li>
              <NavLink to="/jobs">Jobs</NavLink>
            </li>
            <li>
              <NavLink to="/discover">Discover</NavLink>
            </li>
            <li>
              <NavLink to="/roast">Roast</NavLink>
            </li>
            <li>
              <NavLink to="/account">Account</NavLink>
            </li>
            {user.role === "operator" && (
              <li>
                <NavLink to="/ops">Operations</NavLink>
              </li>
            )}
            <li>
              <button type="button" className="secondary outline" onClick={() => void signOut()}>
                Sign out
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main className="container">
        <Routes>
          <Route path="/" element={<Navigate to="/resumes" replace />} />
          <Route path="/resumes/*" element={<ResumesScreen />} />
          <Route path="/jobs/*" element={<JobsScreen />} />
          <Route path="/tailorings/:workflowId" element={<TailoringScreen />} />
          <Route path="/discover" element={<DiscoverScreen />} />
          <Route path="/roast" element={<RoastScreen />} />
          <Route path="/account" element={<AccountScreen />} />
          <Route path="/ops" element={<OpsScreen />} />
          <Route path="*" element={<p>There is no such page. Choose one from the menu.</p>} />
        </Routes>
      </main>
      <footer className="container">
        <small>
          Signed in as {user.email ?? user.uid} · served by region {config.region}
        </small>
      </footer>
    </>
  );
}
