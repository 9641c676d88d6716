package api

import "github.com/gin-gonic/gin"

// identityRoutes are the session routes beyond login: refresh, logout,
// password change.
func (s *Server) identityRoutes(public, authed *gin.RouterGroup) {}
